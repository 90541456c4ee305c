using System.Globalization;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;

namespace PerfTesting.Cli.Compare;

/// <summary>Turns the raw option values into <see cref="CompareSettings"/>, or a sentence saying what is wrong (exit 2).</summary>
internal static class CompareArguments
{
    /// <summary>Default base: the main branch.</summary>
    public const string DefaultBase = "main";

    /// <summary>Default readiness path.</summary>
    public const string DefaultHealth = "/health";

    /// <summary>Default budget of the rounds: 8 minutes.</summary>
    public const string DefaultBudget = "8m";

    /// <summary>Validates.</summary>
    /// <returns>The settings, or the error.</returns>
    public static (CompareSettings? Settings, string? Error) Parse(
        string repository, string? baseRef, bool exact, string? headRef, string? app, string? start, string? health,
        string? tests, string? filter, string? path, string? output, string? policy, string? budget, string? schedule = null)
    {
        if (app is null == (start is null))
        {
            return (null, "give the service as --app PROJECT.csproj or as --start \"COMMAND {port}\" (exactly one of them)");
        }

        if (app is not null && !app.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"--app must name a .csproj file, not '{app}'");
        }

        if (app is not null && !File.Exists(System.IO.Path.Combine(repository, app)))
        {
            return (null, $"--app: no such project: {System.IO.Path.GetFullPath(System.IO.Path.Combine(repository, app))}");
        }

        if (start is not null && !start.Contains("{port}", StringComparison.Ordinal))
        {
            return (null, "--start must contain {port}, where the free loopback port chosen for each side goes");
        }

        if (tests is not null && (!tests.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || !File.Exists(System.IO.Path.Combine(repository, tests))))
        {
            return (null, $"--tests must name an existing .csproj file, not '{tests}'");
        }

        if (filter is not null && tests is null)
        {
            return (null, "--filter selects among --tests; give --tests PROJECT.csproj too");
        }

        health ??= DefaultHealth;
        path ??= "/";
        if (!health.StartsWith('/') || !path.StartsWith('/'))
        {
            return (null, "--health and --path are URL paths starting with '/'");
        }

        if (!Enum.TryParse<InconclusivePolicy>(policy ?? "warn", ignoreCase: true, out var inconclusive) || !Enum.IsDefined(inconclusive) || int.TryParse(policy, out _))
        {
            return (null, $"--inconclusive must be fail, warn or pass, not '{policy}'");
        }

        if (ParseDuration(budget ?? DefaultBudget) is not { } limit)
        {
            return (null, $"--budget must be a positive duration such as 90s, 8m or 600 (seconds), not '{budget}'");
        }

        if (!Enum.TryParse<ABSchedule>(schedule ?? nameof(ABSchedule.Interleaved), ignoreCase: true, out var rounds) || !Enum.IsDefined(rounds) || int.TryParse(schedule, out _))
        {
            return (null, $"--schedule must be interleaved or duet, not '{schedule}'");
        }

        return (new CompareSettings(repository, baseRef ?? DefaultBase, exact, headRef, app, start, health, tests, filter, path,
            System.IO.Path.GetFullPath(output ?? "perf-compare"), inconclusive, limit) { Schedule = rounds }, null);
    }

    /// <summary>Reads 90, 90s, 8m or 1h (seconds when no unit); null when malformed, zero or over a day.</summary>
    /// <param name="text">The duration.</param>
    public static TimeSpan? ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unit = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        var number = char.IsAsciiLetter(text.LastOrDefault()) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
        {
            return null;
        }

        TimeSpan? span = unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => null,
        };
        return span is { } s && s <= TimeSpan.FromDays(1) ? s : null;
    }
}
