using PerfTesting.Comparison;
using PerfTesting.Distribution;
using PerfTesting.Load;
using PerfTesting.Measurement;
using PerfTesting.Reporting;
using PerfTesting.Xunit.Comparison;
using Xunit;

namespace PerfTesting.Xunit.Load;

/// <summary>
/// The runner as an xunit test wants it: the run named after the test, progress every second and a
/// short summary table at the end (to the test output, and live to the console of <c>dotnet test</c>
/// when <c>xunit.runner.json</c> has <c>"diagnosticMessages": true</c>), and the test's cancellation
/// token (TestContext.Current.CancellationToken) stopping the run with partial results. Started as an
/// agent of a distributed run (PERF_AGENT_COUNT and the other variables of <see cref="DistributedAgent"/>
/// set), a run fires only this agent's stripe from the shared start and writes its part to
/// PERF_RESULTS/agent-000i-of-000N/; the test's code does not change.
/// </summary>
public static class PerfRunner
{
    /// <summary>Runs one scenario inside the current test.</summary>
    /// <param name="profile">How load is applied.</param>
    /// <param name="scenario">What each iteration does.</param>
    /// <param name="options">Runner options; progress and cancellation are added.</param>
    public static Task<RunResult> RunAsync(LoadProfile profile, Scenario scenario, LoadRunnerOptions? options = null) =>
        RunAsync(profile, [scenario], options);

    /// <summary>Runs weighted scenarios inside the current test; scenarios with their own load (<see cref="Scenario.WithLoad"/>) run beside them.</summary>
    /// <param name="profile">How load is applied to the scenarios without their own.</param>
    /// <param name="scenarios">The scenarios.</param>
    /// <param name="options">Runner options; progress and cancellation are added, and a run left with the default name gets the test's.</param>
    public static Task<RunResult> RunAsync(LoadProfile profile, IReadOnlyList<Scenario> scenarios, LoadRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return RunCoreAsync((runner, ct) => runner.RunAsync(profile, scenarios, ct), options);
    }

    /// <summary>
    /// Runs scenarios that each carry their own load (<see cref="Scenario.WithLoad"/>: closed, open,
    /// stages) side by side inside the current test, in one run on one clock.
    /// </summary>
    /// <param name="scenarios">The scenarios, each with its own load profile.</param>
    /// <param name="options">Runner options; progress and cancellation are added, and a run left with the default name gets the test's.</param>
    public static Task<RunResult> RunAsync(IReadOnlyList<Scenario> scenarios, LoadRunnerOptions? options = null) =>
        RunCoreAsync((runner, ct) => runner.RunAsync(scenarios, ct), options);

    private static async Task<RunResult> RunCoreAsync(Func<LoadRunner, CancellationToken, Task<RunResult>> run, LoadRunnerOptions? options)
    {
        options ??= new LoadRunnerOptions();
        if (options.Name == LoadRunnerOptions.DefaultName && TestContext.Current.Test?.TestDisplayName is { Length: > 0 } testName)
        {
            options = options with { Name = testName };
        }

        // Started as an agent (its environment alone says so): run this agent's stripe from the shared start, write the part.
        var agent = AgentRuns.Current;
        if (agent is not null)
        {
            options = agent.ApplyTo(options);
        }

        var runner = new LoadRunner(options with { Observer = options.Observer ?? new TestOutputProgress() });
        var result = await run(runner, TestContext.Current.CancellationToken).ConfigureAwait(false);
        LiveOutput.WriteLine(RunSummary.ToTable(result).TrimEnd());
        if (agent is not null)
        {
            var code = (TestContext.Current.TestAssembly as global::Xunit.v3.IXunitTestAssembly)?.Assembly;
            await AgentRuns.RecordAsync(agent, result, code, TestContext.Current.CancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Compares two targets with one scenario written against a target: an A/B comparison
    /// (<see cref="ABRunner"/>) inside the current test, one progress line per round, stopped by the
    /// test's cancellation token. Pass the result to <see cref="ABAssert.NoRegression"/>.
    /// </summary>
    /// <typeparam name="TTarget">What the scenario needs to know about a side: a URL, a client, a connection string.</typeparam>
    /// <param name="a">The reference (the base build).</param>
    /// <param name="b">The candidate (the change).</param>
    /// <param name="profile">Each run's load with its warm-up; keep runs short, the rounds give the precision.</param>
    /// <param name="scenario">Builds the scenario for a target.</param>
    /// <param name="options">Rounds, tolerance, schedule, seed; defaults when null.</param>
    /// <param name="name">What is compared (default: the test's name).</param>
    public static Task<ABComparison> CompareAsync<TTarget>(TTarget a, TTarget b, LoadProfile profile, Func<TTarget, Scenario> scenario, ABOptions? options = null, string? name = null)
    {
        options ??= ABOptions.Default;
        var runner = new ABRunner(options, new LoadRunnerOptions { Name = "ab", CaptureProcess = false }, new TestOutputRounds(options.Rounds));
        return runner.RunAsync(name ?? TestContext.Current.Test?.TestDisplayName ?? "ab", a, b, profile, scenario, TestContext.Current.CancellationToken);
    }
}
