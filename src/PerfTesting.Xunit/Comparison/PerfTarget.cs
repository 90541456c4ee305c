using System.Diagnostics;
using System.Globalization;
using PerfTesting.Baselines;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;
using PerfTesting.Comparison.Sequential;
using PerfTesting.Load;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Xunit.Hosting;
using PerfTesting.Xunit.Load;
using Xunit;

namespace PerfTesting.Xunit.Comparison;

/// <summary>
/// A perf test written once that runs as a plain test or as a comparison. As a plain test (<c>dotnet test</c>)
/// it starts your app in process and runs the scenario once against it. Under <c>perftest compare</c> the
/// command has built and started side A (the base) and side B (the head); this class then ignores the local
/// app, runs the same scenario against both in adaptive rounds (<see cref="ABAdaptiveRunner"/>), writes the
/// comparison where the command reads it, and fails the test on Regressed. Your code never reads a variable.
/// </summary>
public static class PerfTarget
{
    /// <summary>Whether this test process runs under <c>perftest compare</c>.</summary>
    public static bool IsComparing => CompareEnvironment.Read() is not null;

    /// <summary>Runs <paramref name="scenario"/> against your app: in process as a plain test, against both sides under <c>perftest compare</c>.</summary>
    /// <param name="local">Starts your app in process for a plain test (not called under <c>perftest compare</c>).</param>
    /// <param name="profile">Each run's load with its warm-up; keep it short, the rounds give the precision.</param>
    /// <param name="scenario">Builds the scenario for a base address.</param>
    /// <param name="name">What is measured (default: the test's name).</param>
    /// <returns>The run, or the comparison.</returns>
    public static async Task<PerfTargetResult> RunAsync(Func<Task<LoopbackHost>> local, LoadProfile profile, Func<Uri, Scenario> scenario, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(scenario);
        var compare = CompareEnvironment.Read();
        var configuration = BuildConfiguration.Of(scenario.Method.Module.Assembly);
        name ??= TestContext.Current.Test?.TestDisplayName ?? "perf";
        if (compare is null)
        {
            if (configuration == BuildConfiguration.Debug)
            {
                TestContext.Current.TestOutputHelper?.WriteLine("warning: this perf test is a Debug build; its timings say little about Release (dotnet test -c Release).");
            }

            var host = await local().ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                return new PerfTargetResult(await PerfRunner.RunAsync(profile, scenario(host.BaseAddress)).ConfigureAwait(false), null);
            }
        }

        if (configuration == BuildConfiguration.Debug)
        {
            throw new InvalidOperationException("perftest compare runs perf tests built in Release; this one is a Debug build (its own timings would be the JIT's, not your code's).");
        }

        return new PerfTargetResult(null, await CompareAsync(compare, name, profile, scenario, configuration).ConfigureAwait(false));
    }

    private static async Task<ABComparison> CompareAsync(CompareEnvironment compare, string name, LoadProfile profile, Func<Uri, Scenario> scenario, string configuration)
    {
        var runner = new ABAdaptiveRunner(
            new ABOptions { Schedule = compare.Schedule },
            sequential: new ABSequentialOptions { Budget = compare.Budget, FillBudget = true },
            runnerOptions: new LoadRunnerOptions { Name = "compare", CaptureProcess = false },
            progress: new TestOutputRounds());
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var comparison = await runner.RunAsync(name, compare.A, compare.B, profile, scenario, TestContext.Current.CancellationToken).ConfigureAwait(false);
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var fingerprint = EnvironmentFingerprint.Capture();
        var report = new ABReport(name, TimeProvider.System.GetUtcNow(),
            string.Create(CultureInfo.InvariantCulture, $"{fingerprint.CpuModel}, {fingerprint.Cores} cores, {fingerprint.Os}, {fingerprint.Runtime}; perf tests built in {configuration}"),
            new ABSideInfo(compare.ALabel, null, null), new ABSideInfo(compare.BLabel, null, null),
            $"{name}: the test's own scenario and load profile, against each side's base address.",
            comparison, []);
        await CompareOutput.WriteAsync(report, generatorCpu, Path.Combine(compare.OutDirectory, CompareOutput.FolderName(name)), TestContext.Current.CancellationToken).ConfigureAwait(false);
        ABAssert.NoRegression(comparison);
        return comparison;
    }
}
