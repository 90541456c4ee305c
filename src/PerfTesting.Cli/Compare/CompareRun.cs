using System.Diagnostics;
using System.Globalization;
using PerfTesting.Baselines;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;
using PerfTesting.Comparison.Sequential;
using PerfTesting.Load;
using PerfTesting.Reporting.Comparison;

namespace PerfTesting.Cli.Compare;

/// <summary>
/// <c>perftest compare</c> from validated settings to an exit code: the two trees, the two Release
/// builds, the two services on free loopback ports, the rounds (the user's perf tests in compare mode,
/// or the built-in GET workload), and the report with the gate's decision in its first line.
/// </summary>
internal static class CompareRun
{
    /// <summary>Runs the comparison.</summary>
    /// <returns>The gate's decision and the report folder's files.</returns>
    public static async Task<GateDecision> RunAsync(CompareSettings settings, TextWriter console, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.Out);
        var comparisons = Path.Combine(settings.Out, "comparisons");
        if (Directory.Exists(comparisons))
        {
            Directory.Delete(comparisons, recursive: true);
        }

        foreach (var stale in new[] { "report.md", "report.html", "results.json" })
        {
            File.Delete(Path.Combine(settings.Out, stale));
        }

        var work = Directory.CreateTempSubdirectory("perftest-compare-").FullName;
        var logWriter = new StreamWriter(Path.Combine(settings.Out, "run.log")) { AutoFlush = true };
        await using (logWriter.ConfigureAwait(false))
        {
            var log = TextWriter.Synchronized(logWriter);
            var started = Stopwatch.GetTimestamp();
            void Step(string text)
            {
                var line = string.Create(CultureInfo.InvariantCulture, $"==> [{Stopwatch.GetElapsedTime(started).TotalSeconds,4:0}s] {text}");
                console.WriteLine(line);
                log.WriteLine(line);
            }

            try
            {
                Step($"sources: base {settings.BaseRef}{(settings.Exact ? " (exact)" : " (merge base with the head)")}, head {settings.HeadRef ?? "the working tree"}");
                var sides = await GitSides.CreateAsync(settings, work, log, cancellationToken).ConfigureAwait(false);
                await using (sides.ConfigureAwait(false))
                {
                    string? dllA = null, dllB = null;
                    if (settings.App is not null)
                    {
                        Step($"build A = {sides.ALabel}: dotnet publish {settings.App} -c Release");
                        dllA = await ServiceSide.PublishAsync("A", sides.ATree, settings.App, Path.Combine(work, "a"), log, cancellationToken).ConfigureAwait(false);
                        Step($"build B = {sides.BLabel}: dotnet publish {settings.App} -c Release");
                        dllB = await ServiceSide.PublishAsync("B", sides.BTree, settings.App, Path.Combine(work, "b"), log, cancellationToken).ConfigureAwait(false);
                    }

                    if (settings.Tests is not null)
                    {
                        Step($"build the perf tests (B's tree): dotnet build {settings.Tests} -c Release");
                        var (exit, tail) = await ChildProcess.RunAsync("dotnet", ["build", GitSides.In(sides.BTree, settings.Tests), "-c", "Release", "--nologo", "-v", "quiet"], sides.BTree, log, cancellationToken: cancellationToken).ConfigureAwait(false);
                        if (exit != 0)
                        {
                            throw new CompareFailedException($"dotnet build {settings.Tests} -c Release failed (exit {exit}):\n{tail}");
                        }
                    }

                    Step("start both services on free loopback ports");
                    var a = await ServiceSide.StartAsync("A", sides.ATree, dllA, settings.Start, settings.Health, log, cancellationToken).ConfigureAwait(false);
                    await using (a.ConfigureAwait(false))
                    {
                        var b = await ServiceSide.StartAsync("B", sides.BTree, dllB, settings.Start, settings.Health, log, cancellationToken).ConfigureAwait(false);
                        await using (b.ConfigureAwait(false))
                        {
                            Step($"rounds: {(settings.Tests is null ? $"built-in workload GET {settings.Path}" : $"the perf tests of {settings.Tests}")} against A {a.BaseAddress} and B {b.BaseAddress} ({settings.Schedule.ToString().ToLowerInvariant()} rounds, budget {settings.Budget.TotalSeconds:0} s)");
                            var context = new CompareEnvironment(a.BaseAddress, b.BaseAddress, comparisons, settings.Budget, sides.ALabel, sides.BLabel) { Schedule = settings.Schedule };
                            var machine = new MachineCpu();
                            a.MarkCpu();
                            b.MarkCpu();
                            var roundsStarted = Stopwatch.GetTimestamp();
                            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
                            var testsExit = settings.Tests is null
                                ? await BuiltInWorkloadAsync(settings, context, console, cancellationToken).ConfigureAwait(false)
                                : await PerfTestsAsync(settings, sides.BTree, context, new RoundLines(log, console), cancellationToken).ConfigureAwait(false);
                            var seconds = Stopwatch.GetElapsedTime(roundsStarted).TotalSeconds;
                            TimeSpan? generator = settings.Tests is null ? Process.GetCurrentProcess().TotalProcessorTime - ownCpu : null;
                            var cpu = new CpuUse(seconds, a.CpuSinceMark(), b.CpuSinceMark(), generator, machine.BusyShare(), Environment.ProcessorCount);
                            Step("report");
                            return await CompareReport.WriteAsync(settings, sides.ALabel, sides.BLabel, comparisons, cpu, testsExit, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (CompareFailedException e)
            {
                log.WriteLine(e.Message);
                var decision = GateDecision.CouldNotRun(e.Message);
                await File.WriteAllTextAsync(Path.Combine(settings.Out, "report.md"), decision.Headline + "\n", cancellationToken).ConfigureAwait(false);
                return decision;
            }
            finally
            {
                Step("clean up");
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                    // A file still held open (a service that is still exiting): the temp folder stays, nothing else depends on it.
                }
            }
        }
    }

    private static async Task<int> BuiltInWorkloadAsync(CompareSettings settings, CompareEnvironment context, TextWriter console, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        var runner = new ABAdaptiveRunner(
            new ABOptions { Schedule = settings.Schedule },
            sequential: new ABSequentialOptions { Budget = settings.Budget, FillBudget = true },
            runnerOptions: new LoadRunnerOptions { Name = "compare", CaptureProcess = false },
            progress: new Progress<ABRound>(r => console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {r.Index}: p50 A {r.A.P50:0.###} ms, B {r.B.P50:0.###} ms; throughput A {r.A.Throughput:0.#}, B {r.B.Throughput:0.#} req/s"))));
        var profile = LoadProfile.Closed(8, TimeSpan.FromSeconds(1)).WithWarmUp(TimeSpan.FromSeconds(0.3));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var comparison = await runner.RunAsync($"GET {settings.Path}", new Uri(context.A, settings.Path.TrimStart('/')), new Uri(context.B, settings.Path.TrimStart('/')), profile,
            url => Scenario.Create("get", HttpStep.Get(http, url)), cancellationToken).ConfigureAwait(false);
        var fingerprint = EnvironmentFingerprint.Capture();
        var report = new ABReport($"GET {settings.Path}", TimeProvider.System.GetUtcNow(),
            string.Create(CultureInfo.InvariantCulture, $"{fingerprint.CpuModel}, {fingerprint.Cores} cores, {fingerprint.Os}, {fingerprint.Runtime}; both sides built in Release"),
            new ABSideInfo(context.ALabel, null, null), new ABSideInfo(context.BLabel, null, null),
            $"8 closed clients sending GET {settings.Path}, 1 s runs after 0.3 s warm-up (perftest compare's built-in workload; --tests runs your own).",
            comparison, []);
        await CompareOutput.WriteAsync(report, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, Path.Combine(context.OutDirectory, CompareOutput.FolderName(report.Title)), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> PerfTestsAsync(CompareSettings settings, string tree, CompareEnvironment context, TextWriter log, CancellationToken cancellationToken)
    {
        string[] arguments = ["test", GitSides.In(tree, settings.Tests!), "-c", "Release", "--no-build", "--nologo", "--logger", "console;verbosity=normal"];
        if (settings.Filter is not null)
        {
            arguments = [.. arguments, "--filter", settings.Filter];
        }

        var (exit, _) = await ChildProcess.RunAsync("dotnet", arguments, tree, log, context.ToVariables(), cancellationToken).ConfigureAwait(false);
        return exit;
    }
}
