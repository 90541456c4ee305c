using System.CommandLine;
using PerfTesting.Comparison.Gate;

namespace PerfTesting.Cli.Compare;

/// <summary>
/// <c>perftest compare</c>: the pull-request gate for a .NET service, the same command on a laptop and in
/// CI. Builds the base and the head in Release from their own git trees, starts each as its own process
/// on a free loopback port, runs the rounds (the user's perf tests in compare mode, or a built-in GET
/// workload) and writes report.md, report.html and results.json. Exit codes: <see cref="GateOutcome"/>.
/// </summary>
public static class CompareCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var baseRef = new Option<string>("--base") { Description = "The base branch, tag or commit; compared at its merge base with the head unless --exact. Default: main." };
        var exact = new Option<bool>("--exact") { Description = "Compare with --base itself, not its merge base with the head." };
        var headRef = new Option<string>("--head") { Description = "The head branch, tag or commit. Default: the working tree, uncommitted changes included." };
        var app = new Option<string>("--app") { Description = "The service's project (PROJECT.csproj, relative to the repository root): published in Release for each side and run as `dotnet PROJECT.dll` on a free loopback port (ASPNETCORE_URLS)." };
        var start = new Option<string>("--start") { Description = "Instead of --app: a shell command that starts the service, run in each side's tree, with {port} where the port goes." };
        var health = new Option<string>("--health") { Description = "The path that answers 2xx when the service is ready. Default: " + CompareArguments.DefaultHealth + "." };
        var tests = new Option<string>("--tests") { Description = "Your perf tests' project: run in compare mode (PerfTarget hands each test side A and side B). Default: a built-in GET workload on --path." };
        var filter = new Option<string>("--filter") { Description = "dotnet test --filter expression selecting the perf tests." };
        var path = new Option<string>("--path") { Description = "The built-in workload's request path (without --tests). Default: /." };
        var output = new Option<string>("--out") { Description = "The report folder: report.md (for the PR comment), report.html, results.json, run.log. Default: perf-compare." };
        var policy = new Option<string>("--inconclusive") { Description = "What an Inconclusive verdict does: fail (exit 3), warn (pass, and the report's first line says so) or pass. Default: warn." };
        var budget = new Option<string>("--budget") { Description = "Time budget of the rounds of each comparison (90s, 8m, or seconds). Default: " + CompareArguments.DefaultBudget + "." };
        var schedule = new Option<string>("--schedule") { Description = "How each round runs the two sides: interleaved (one after the other, order balanced; each side has every core, so a CPU-bound service is not halved by its twin) or duet (both at once: the machine's fast noise hits both alike; for services that wait on I/O). Default: interleaved." };
        var command = new Command("compare", "The pull-request gate: build the base and the head of a service, run both, compare them in rounds; exit 0 Same/Improved, 1 Regressed, 2 could not run, 3 Inconclusive under --inconclusive fail.")
        {
            baseRef, exact, headRef, app, start, health, tests, filter, path, output, policy, budget, schedule,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (settings, error) = CompareArguments.Parse(Environment.CurrentDirectory, parse.GetValue(baseRef), parse.GetValue(exact), parse.GetValue(headRef),
                parse.GetValue(app), parse.GetValue(start), parse.GetValue(health), parse.GetValue(tests), parse.GetValue(filter), parse.GetValue(path),
                parse.GetValue(output), parse.GetValue(policy), parse.GetValue(budget), parse.GetValue(schedule));
            if (settings is null)
            {
                await Console.Error.WriteLineAsync("perftest compare: " + error).ConfigureAwait(false);
                return (int)GateOutcome.CouldNotRun;
            }

            var decision = await CompareRun.RunAsync(settings, Console.Out, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(decision.Headline);
            var written = new[] { "report.md", "report.html", "results.json", "run.log" }.Where(f => File.Exists(Path.Combine(settings.Out, f)));
            Console.WriteLine($"reports in {settings.Out}: {string.Join(", ", written)}");
            return (int)decision.Outcome;
        });
        return command;
    }
}
