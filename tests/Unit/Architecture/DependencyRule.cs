namespace Tests.Unit.Architecture;

/// <summary>
/// What one node may use. <see cref="Allowed"/> null means anything not forbidden; otherwise only what it
/// lists. A pattern ending in '*' matches every name that starts with the rest ("System.*", "xunit*").
/// </summary>
/// <param name="From">The node the rule governs (an assembly or namespace name).</param>
/// <param name="Allowed">Patterns of what it may use, or null for "anything not forbidden".</param>
/// <param name="Forbidden">Patterns of what it must never use.</param>
/// <param name="Why">The reason, shown with a violation.</param>
/// <param name="Transitive">When true, <see cref="Forbidden"/> also applies to everything reachable through other nodes.</param>
internal sealed record DependencyRule(string From, IReadOnlyList<string>? Allowed, IReadOnlyList<string> Forbidden, string Why, bool Transitive = false)
{
    public bool Permits(string target) =>
        !Forbidden.Any(p => Matches(target, p)) && (Allowed is null || Allowed.Any(p => Matches(target, p)));

    public static bool Matches(string name, string pattern) =>
        pattern.EndsWith('*') ? name.StartsWith(pattern[..^1], StringComparison.Ordinal) : name == pattern;
}
