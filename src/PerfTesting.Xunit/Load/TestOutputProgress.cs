using System.Globalization;
using PerfTesting.Load;
using Xunit;

namespace PerfTesting.Xunit.Load;

/// <summary>
/// Writes a run's progress once a second: elapsed, requests/s, errors, p99, in flight. Lines go to the
/// test output and, live, to the console of <c>dotnet test</c> when diagnostic messages are on
/// (<c>"diagnosticMessages": true</c> in <c>xunit.runner.json</c>).
/// </summary>
/// <param name="output">The test's output; the current test's when null.</param>
public sealed class TestOutputProgress(ITestOutputHelper? output = null) : IRunObserver
{
    /// <inheritdoc />
    public void OnProgress(RunProgress progress) => LiveOutput.WriteLine(Format(progress), output);

    /// <summary>The line written for <paramref name="progress"/>.</summary>
    /// <param name="progress">One report of the runner.</param>
    /// <returns>One line, numbers in the invariant culture.</returns>
    public static string Format(RunProgress progress)
    {
        var line = FormatLine(progress);
        if (progress.Scenario is null)
        {
            return line;
        }

        // "[  3s] search: ..." for the part of a run that one scenario's own load drives.
        var bracket = line.IndexOf(']', StringComparison.Ordinal) + 1;
        return line[..bracket] + " " + progress.Scenario + ":" + line[bracket..];
    }

    private static string FormatLine(RunProgress progress)
    {
        if (progress.WarmingUp)
        {
            var label = progress.Elapsed.TotalSeconds >= 0.5
                ? string.Create(CultureInfo.InvariantCulture, $"[warm-up, {progress.Elapsed.TotalSeconds:0}s to go]")
                : "[warm-up over]";
            return string.Create(CultureInfo.InvariantCulture, $"{label} {progress.RequestsPerSecond} req/s  errors {progress.ErrorsInSecond}  p99 {progress.P99Ms:0.000} ms  in flight {progress.InFlight}");
        }

        if (progress.Final)
        {
            var partial = progress.Elapsed.TotalSeconds - Math.Floor(progress.Elapsed.TotalSeconds);
            return string.Create(CultureInfo.InvariantCulture,
                $"[end {progress.Elapsed.TotalSeconds:0.00}s] {progress.RequestsPerSecond} req in the last {partial:0.00} s; total {progress.TotalRequests} requests, {progress.TotalErrors} errors");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"[{progress.Elapsed.TotalSeconds,3:0}s] {progress.RequestsPerSecond,7} req/s  errors {progress.ErrorsInSecond,5} (total {progress.TotalErrors})  p99 {progress.P99Ms,9:0.000} ms  in flight {progress.InFlight}");
    }
}
