using System.Diagnostics;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;

namespace Tests.Unit.Comparison.Gate;

/// <summary>
/// The pull-request gate's exit code for every verdict and policy, asserted twice against one table: the
/// rule <c>perftest compare</c> uses (<see cref="GateDecision"/>) and the script the registry's gate runs
/// (tools/gate-verdict.sh, which once exited 1 after a passing verdict because it read the test log).
/// </summary>
public sealed class GateDecisionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gate-verdict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<Verdict, InconclusivePolicy, int> Table() => new()
    {
        { Verdict.Same, InconclusivePolicy.Fail, 0 },
        { Verdict.Same, InconclusivePolicy.Warn, 0 },
        { Verdict.Same, InconclusivePolicy.Pass, 0 },
        { Verdict.Improved, InconclusivePolicy.Fail, 0 },
        { Verdict.Improved, InconclusivePolicy.Warn, 0 },
        { Verdict.Improved, InconclusivePolicy.Pass, 0 },
        { Verdict.Regressed, InconclusivePolicy.Fail, 1 },
        { Verdict.Regressed, InconclusivePolicy.Warn, 1 },
        { Verdict.Regressed, InconclusivePolicy.Pass, 1 },
        { Verdict.Inconclusive, InconclusivePolicy.Fail, 3 },
        { Verdict.Inconclusive, InconclusivePolicy.Warn, 0 },
        { Verdict.Inconclusive, InconclusivePolicy.Pass, 0 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decision_ForEachVerdictAndPolicy_HasTheGateExitCode(Verdict verdict, InconclusivePolicy policy, int exitCode)
    {
        var decision = GateDecision.Of(verdict, policy);

        Assert.Equal(exitCode, (int)decision.Outcome);
        Assert.Contains(verdict.ToString(), decision.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_InconclusiveUnderWarn_SaysWarningInItsHeadline()
    {
        Assert.Contains("WARNING", GateDecision.Of(Verdict.Inconclusive, InconclusivePolicy.Warn).Headline, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Script_ForEachVerdictAndPolicy_ExitsWithTheGateExitCode(Verdict verdict, InconclusivePolicy policy, int exitCode)
    {
        var results = WriteResults(verdict);
        // The test process fails exactly when the verdict is Regressed (ABAssert.NoRegression).
        var testExit = verdict == Verdict.Regressed ? 1 : 0;

        var (exit, output) = await RunScriptAsync(results, testExit, policy.ToString().ToLowerInvariant());

        Assert.True(exit == exitCode, $"exit {exit}, expected {exitCode}: {output}");
    }

    [Fact]
    public async Task Script_NoVerdictFile_CouldNotRun()
    {
        var (exit, output) = await RunScriptAsync(Path.Combine(_dir, "missing.json"), 0, "warn");

        Assert.Equal(2, exit);
        Assert.Contains("did not run", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_SameVerdictButTheTestProcessFailed_CouldNotRun()
    {
        var (exit, _) = await RunScriptAsync(WriteResults(Verdict.Same), 1, "warn");

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Script_VerdictFileWithoutOverall_CouldNotRun()
    {
        var path = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(path, "{\"comparison\": {}}", TestContext.Current.CancellationToken);

        var (exit, _) = await RunScriptAsync(path, 0, "warn");

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Script_UnknownPolicy_IsRefused()
    {
        var (exit, output) = await RunScriptAsync(WriteResults(Verdict.Same), 0, "maybe");

        Assert.Equal(2, exit);
        Assert.Contains("policy", output, StringComparison.Ordinal);
    }

    private string WriteResults(Verdict verdict)
    {
        var path = Path.Combine(_dir, $"results-{verdict}.json");
        File.WriteAllText(path, "{\"schema\": \"perftesting.ab/v1\", \"comparison\": {\"overall\": \"" + verdict + "\"}}");
        return path;
    }

    private static async Task<(int Exit, string Output)> RunScriptAsync(string results, int testExit, string policy)
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "gate-verdict.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, results, testExit.ToString(System.Globalization.CultureInfo.InvariantCulture), policy })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Registry.sln not found above " + AppContext.BaseDirectory);
    }
}
