using PerfTesting.Load;
using PerfTesting.Measurement;
using Xunit;

namespace PerfTesting.Xunit.Load;

/// <summary>
/// The runner as an xunit test wants it: progress to the test output every second, and the test's
/// cancellation token (TestContext.Current.CancellationToken) stopping the run with partial results.
/// </summary>
public static class PerfRunner
{
    /// <summary>Runs one scenario inside the current test.</summary>
    /// <param name="profile">How load is applied.</param>
    /// <param name="scenario">What each iteration does.</param>
    /// <param name="options">Runner options; progress and cancellation are added.</param>
    public static Task<RunResult> RunAsync(LoadProfile profile, Scenario scenario, LoadRunnerOptions? options = null) =>
        RunAsync(profile, [scenario], options);

    /// <summary>Runs weighted scenarios inside the current test.</summary>
    /// <param name="profile">How load is applied.</param>
    /// <param name="scenarios">The scenarios.</param>
    /// <param name="options">Runner options; progress and cancellation are added.</param>
    public static Task<RunResult> RunAsync(LoadProfile profile, IReadOnlyList<Scenario> scenarios, LoadRunnerOptions? options = null)
    {
        options ??= new LoadRunnerOptions { Name = TestContext.Current.Test?.TestDisplayName ?? "run" };
        var runner = new LoadRunner(options with { Observer = options.Observer ?? new TestOutputProgress() });
        return runner.RunAsync(profile, scenarios, TestContext.Current.CancellationToken);
    }
}
