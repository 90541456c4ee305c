namespace PerfTesting.Cli;

/// <summary>The perftest entry point (a namespaced class, not top-level statements, so it does not clash with the registry's Program).</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => PerftestCommand.Create().Parse(args).InvokeAsync();
}
