using System.Globalization;
using PerfTesting.Load;
using Xunit;

namespace PerfTesting.Xunit.Load;

/// <summary>Writes a run's progress to the test output, one line a second: elapsed, rps, errors, p99.</summary>
/// <param name="output">The test's output; the current test's when null.</param>
public sealed class TestOutputProgress(ITestOutputHelper? output = null) : IRunObserver
{
    /// <inheritdoc />
    public void OnProgress(RunProgress progress)
    {
        var line = progress.WarmingUp
            ? string.Create(CultureInfo.InvariantCulture, $"[warm-up {Math.Max(0, progress.Elapsed.TotalSeconds),4:0}s left] {progress.RequestsPerSecond,7} req/s  errors {progress.ErrorsInSecond,5}  p99 {progress.P99Ms,9:0.000} ms  in flight {progress.InFlight}")
            : string.Create(CultureInfo.InvariantCulture, $"[{progress.Elapsed.TotalSeconds,5:0}s] {progress.RequestsPerSecond,7} req/s  errors {progress.ErrorsInSecond,5} (total {progress.TotalErrors})  p99 {progress.P99Ms,9:0.000} ms  in flight {progress.InFlight}");
        try
        {
            (output ?? TestContext.Current.TestOutputHelper)?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished (its output is closed); progress is best effort.
        }
    }
}
