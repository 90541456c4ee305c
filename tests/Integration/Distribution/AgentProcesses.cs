using System.Diagnostics;
using System.Globalization;

namespace Tests.Integration.Distribution;

/// <summary>
/// Starts `perftest agent` processes the way a Kubernetes Indexed Job starts its pods: the same command
/// line for every agent, and the agent's place only in its environment (JOB_COMPLETION_INDEX,
/// PERF_AGENT_COUNT, PERF_TEST_ID, PERF_START_AT, PERF_RESULTS).
/// </summary>
internal static class AgentProcesses
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static string CliPath { get; } = FindCli();

    /// <summary>Runs the agents with the given indexes to completion; throws with their output if one fails.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(
        IEnumerable<int> indexes, int count, string testId, DateTimeOffset? startAt, string results, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var started = indexes.Select(index =>
        {
            var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
            {
                ["JOB_COMPLETION_INDEX"] = index.ToString(CultureInfo.InvariantCulture),
                ["PERF_AGENT_COUNT"] = count.ToString(CultureInfo.InvariantCulture),
                ["PERF_TEST_ID"] = testId,
                ["PERF_RESULTS"] = results,
            };
            if (startAt is { } start)
            {
                variables["PERF_START_AT"] = start.ToString("O", CultureInfo.InvariantCulture);
            }

            return RunCliAsync(["agent", .. arguments], variables, cancellationToken);
        }).ToList();
        var outcomes = await Task.WhenAll(started);
        foreach (var (exit, output) in outcomes.Where(o => o.Exit != 0))
        {
            throw new InvalidOperationException($"An agent exited with {exit}:\n{output}");
        }

        return [.. outcomes.Select(o => o.Output)];
    }

    /// <summary>The user-style perf test (tests/Agents), built with these tests.</summary>
    public static string UserTestPath { get; } = FindBuilt(Path.Combine("tests", "Agents"), "Tests.Agents.dll");

    /// <summary>Runs perftest with <paramref name="arguments"/>; returns its exit code and output.</summary>
    public static Task<(int Exit, string Output)> RunCliAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        RunAsync(CliPath, arguments, environment, cancellationToken);

    /// <summary>Runs the assembly at <paramref name="path"/> (an app or an xunit v3 test assembly); returns its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(
        string path, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(path)} {string.Join(' ', arguments)} did not finish within {Limit.TotalSeconds} s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindCli() => FindBuilt(Path.Combine("src", "PerfTesting.Cli"), "PerfTesting.Cli.dll");

    private static string FindBuilt(string project, string assembly)
    {
        // Built with the tests (project reference); the copy beside the tests has no runtimeconfig, so use the project's own output.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository."),
            project, "bin", configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first (dotnet build builds it with the tests).", path);
    }
}
