using System.Globalization;

namespace PerfTesting.Comparison.Gate;

/// <summary>
/// What <c>perftest compare</c> hands the user's perf tests: side A's and side B's base addresses, where
/// to write each comparison, the time budget and labels. The command writes it into the test process's
/// environment and the library (PerfTesting.Xunit's <c>PerfTarget</c>) reads it, so the user's code never
/// names a variable. Null from <see cref="Read"/> means "not comparing: run as a plain test".
/// </summary>
/// <param name="A">Side A's base address (the base build).</param>
/// <param name="B">Side B's base address (the head build).</param>
/// <param name="OutDirectory">Where each comparison writes its results (one folder per test).</param>
/// <param name="Budget">Time budget of each comparison's rounds.</param>
/// <param name="ALabel">How the report names A, for example "base 1a2b3c4".</param>
/// <param name="BLabel">How the report names B.</param>
public sealed record CompareEnvironment(Uri A, Uri B, string OutDirectory, TimeSpan Budget, string ALabel, string BLabel)
{
    private const string Prefix = "PERFTEST_COMPARE_";

    /// <summary>
    /// How each round runs the two sides. <value>Default: <see cref="ABSchedule.Interleaved"/>: the two
    /// services run on the same machine, so in a duet a CPU-bound service and its twin split the same cores
    /// (and the load generator's); one side at a time, each has them all (docs/guides/ab-comparison.md).</value>
    /// </summary>
    public ABSchedule Schedule { get; init; } = ABSchedule.Interleaved;

    /// <summary>The variables, to add to a child process's environment.</summary>
    public IReadOnlyDictionary<string, string> ToVariables() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Prefix + "A"] = A.AbsoluteUri,
        [Prefix + "B"] = B.AbsoluteUri,
        [Prefix + "OUT"] = OutDirectory,
        [Prefix + "BUDGET_SECONDS"] = Budget.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        [Prefix + "A_LABEL"] = ALabel,
        [Prefix + "B_LABEL"] = BLabel,
        [Prefix + "SCHEDULE"] = Schedule.ToString(),
    };

    /// <summary>Reads the context this process was started with.</summary>
    /// <param name="variable">Reads one variable; the process environment when null.</param>
    /// <returns>The context, or null when this process is not under <c>perftest compare</c>.</returns>
    /// <exception cref="InvalidOperationException">The context is there but incomplete or malformed.</exception>
    public static CompareEnvironment? Read(Func<string, string?>? variable = null)
    {
        variable ??= System.Environment.GetEnvironmentVariable;
        var a = variable(Prefix + "A");
        if (string.IsNullOrEmpty(a))
        {
            return null;
        }

        string Required(string name) => variable(Prefix + name) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"perftest compare set {Prefix}A but not {Prefix}{name}.");
        if (!Uri.TryCreate(a, UriKind.Absolute, out var aUri) || !Uri.TryCreate(Required("B"), UriKind.Absolute, out var bUri))
        {
            throw new InvalidOperationException($"{Prefix}A and {Prefix}B must be absolute URLs.");
        }

        if (!double.TryParse(Required("BUDGET_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            throw new InvalidOperationException($"{Prefix}BUDGET_SECONDS must be a positive number of seconds.");
        }

        var schedule = ABSchedule.Interleaved;
        if (variable(Prefix + "SCHEDULE") is { Length: > 0 } text && (!Enum.TryParse(text, ignoreCase: true, out schedule) || !Enum.IsDefined(schedule) || int.TryParse(text, out _)))
        {
            throw new InvalidOperationException($"{Prefix}SCHEDULE must be Interleaved or Duet, not '{text}'.");
        }

        return new CompareEnvironment(aUri, bUri, Required("OUT"), TimeSpan.FromSeconds(seconds), variable(Prefix + "A_LABEL") ?? "A", variable(Prefix + "B_LABEL") ?? "B")
        {
            Schedule = schedule,
        };
    }
}
