using System.Diagnostics;
using System.Globalization;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;

namespace Tests.Unit.Comparison.Gate;

/// <summary>
/// The registry's pull-request job end to end as the workflow runs it (<c>bash run-perf.sh --compare REF</c>
/// execs tools/compare-builds.sh), with a stand-in <c>dotnet</c> first on PATH whose <c>test</c> writes the
/// verdict file and exits as the perf test would: the job's exit code for every verdict and policy, and the
/// report's first line. The real builds and rounds are not what is tested here, the script's wiring is (it
/// once printed "The comparison did not run" and exited 1 after a passing comparison). The script runs in a
/// throwaway git repository holding copies of the two scripts, never in this one.
/// </summary>
public sealed class CompareBuildsScriptTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("compare-builds-").FullName;

    public CompareBuildsScriptTests()
    {
        var root = RepositoryRoot();
        Directory.CreateDirectory(Path.Combine(_repo, "tools"));
        Directory.CreateDirectory(Path.Combine(_repo, "bin"));
        foreach (var script in new[] { "compare-builds.sh", "gate-verdict.sh" })
        {
            File.Copy(Path.Combine(root, "tools", script), Path.Combine(_repo, "tools", script));
        }

        // What the job needs from the machine is installed already; the report renders (or only warns).
        File.WriteAllText(Path.Combine(_repo, "tools", "prerequisites.sh"), ":\n");
        File.WriteAllText(Path.Combine(_repo, "tools", "render-report.sh"), "exit 0\n");
        File.WriteAllText(Path.Combine(_repo, "README.md"), "docs only\n");
        File.WriteAllText(Path.Combine(_repo, ".gitignore"), "bin/\nartifacts/\n");
        File.WriteAllText(Path.Combine(_repo, "bin", "dotnet"), """
            #!/usr/bin/env bash
            # Stand-in for the SDK: publish and build do nothing; test writes the verdict as BuildComparisonTests does.
            if [ "$1" = test ]; then
              mkdir -p "$PERF_ARTIFACTS"
              printf '{"schema": "perftesting.ab/v1", "comparison": {"overall": "%s"}}' "$STUB_VERDICT" > "$PERF_ARTIFACTS/results.json"
              printf '## Performance: head compared with base\n' > "$PERF_ARTIFACTS/report.md"
              echo "Test Run Successful."
              exit "$STUB_TEST_EXIT"
            fi
            exit 0
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_repo, "bin", "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Theory]
    [MemberData(nameof(GateDecisionTests.Table), MemberType = typeof(GateDecisionTests))]
    public async Task Job_ForEachVerdictAndPolicy_ExitsWithTheGateExitCode(Verdict verdict, InconclusivePolicy policy, int exitCode)
    {
        var ct = TestContext.Current.CancellationToken;
        await RunAsync("git", ["init", "-q", "-b", "main"], ct);
        await RunAsync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", "-A"], ct);
        await RunAsync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "documentation only"], ct);

        // ABAssert.NoRegression fails the perf test exactly when the verdict is Regressed.
        var (exit, output) = await RunAsync("bash", ["tools/compare-builds.sh", "HEAD"], ct, verdict, policy, verdict == Verdict.Regressed ? 1 : 0);

        Assert.True(exit == exitCode, $"exit {exit}, expected {exitCode}:\n{output}");
        var report = await File.ReadAllLinesAsync(Path.Combine(_repo, "artifacts", "perf", "report.md"), ct);
        Assert.StartsWith("> **gate: ", report[0], StringComparison.Ordinal);
        Assert.Contains($"(exit {exitCode}; inconclusive policy: {policy.ToString().ToLowerInvariant()})", report[0], StringComparison.Ordinal);
        Assert.DoesNotContain("did not run", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAsync(string file, string[] arguments, CancellationToken ct,
        Verdict verdict = Verdict.Same, InconclusivePolicy policy = InconclusivePolicy.Warn, int testExit = 0)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = _repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = Path.Combine(_repo, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["STUB_VERDICT"] = verdict.ToString();
        start.Environment["STUB_TEST_EXIT"] = testExit.ToString(CultureInfo.InvariantCulture);
        start.Environment["PERF_COMPARE_INCONCLUSIVE"] = policy.ToString().ToLowerInvariant();
        start.Environment.Remove("PERF_ARTIFACTS");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
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
