namespace PerfTesting.Cli;

/// <summary>The perftest entry point (a namespaced class, not top-level statements, so it does not clash with the registry's Program).</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var parse = PerftestCommand.Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A bad argument is a refusal (exit 2), never the exit 1 that means "SLA failed" or "Regressed".
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync("perftest: " + error.Message).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("perftest --help lists the verbs and their options.").ConfigureAwait(false);
            return ExitCodes.Refused;
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }
}
