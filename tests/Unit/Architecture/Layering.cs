namespace Tests.Unit.Architecture;

/// <summary>
/// The dependency rule of docs/explanation/architecture.md, as data. Change it there and here together, and only on purpose.
/// </summary>
internal static class Layering
{
    private static readonly string[] Bcl = ["System*", "netstandard", "mscorlib", "Microsoft.Win32*"];

    /// <summary>
    /// Engine namespaces: the data flows Load -> Measurement -> (Assertions, Baselines, Comparison,
    /// Analysis) -> Reporting. Under them all, two vocabularies that use nothing: Metrics (the metrics a run is
    /// judged by, with their names, units and directions) and Tables (the one table model and its text, Markdown
    /// and HTML renderers), so a console table in Assertions and a report in Reporting render alike. Measurement is the foundation (results, histograms, the codec) and uses no
    /// other layer; the consumers read Measurement; Load records through Measurement and judges stress
    /// steps with Assertions; Comparison drives Load and owns the verdict rule (Verdict, ChangeDecision) that
    /// stored baselines apply too, so Baselines uses Comparison and never the other way round; Reporting renders results, SLAs, baselines, comparisons
    /// and findings; Distribution splits a load over agents and writes and merges their reports.
    /// </summary>
    public static DependencyRules EngineNamespaces { get; } = new(
    [
        Layer("Metrics"),
        Layer("Tables"),
        Layer("Measurement"),
        Layer("Load", "Measurement", "Assertions", "Metrics", "Tables"),
        Layer("Assertions", "Measurement", "Metrics", "Tables"),
        Layer("Baselines", "Measurement", "Comparison", "Metrics", "Tables"),
        Layer("Analysis", "Measurement", "Metrics", "Tables"),
        Layer("Comparison", "Measurement", "Load", "Assertions", "Metrics", "Tables"),
        Layer("Distribution", "Measurement", "Load", "Assertions", "Baselines", "Analysis", "Reporting", "Metrics", "Tables"),
        Layer("Reporting", "Measurement", "Assertions", "Baselines", "Comparison", "Analysis", "Metrics", "Tables"),
    ], GovernedNodes: "PerfTesting.*");

    /// <summary>
    /// Assemblies: the engine on HdrHistogram, Pragmastat and the BCL only; the modules above it (xunit glue, backing
    /// services, CLI) never use each other; the registry, a production service, never reaches test
    /// infrastructure, not even through another assembly.
    /// </summary>
    public static DependencyRules Assemblies { get; } = new(
    [
        new("PerfTesting", [.. Bcl, "HdrHistogram", "Pragmastat"], ["AWSSDK*", "Npgsql*", "Testcontainers*", "xunit*", "Docker*"],
            "the engine depends on HdrHistogram, Pragmastat (statistics) and the BCL only", Transitive: true),
        new("PerfTesting.Xunit", null, ["PerfTesting.BackingServices", "PerfTesting.Cli", "Registry*", "AWSSDK*", "Npgsql*", "Testcontainers*"],
            "the xunit glue is a module on the engine"),
        new("PerfTesting.BackingServices", null, ["PerfTesting.Xunit", "PerfTesting.Cli", "Registry*"],
            "backing services are a module beside the xunit glue and the CLI"),
        // The CLI's S3 client set-up is the shared source src/Shared/Aws, not the backing services module
        // (which would pull Testcontainers into the tool).
        new("PerfTesting.Cli", null, ["PerfTesting.Xunit", "PerfTesting.BackingServices", "Registry*", "xunit*", "Testcontainers*", "Docker*"],
            "the CLI is a module on the engine", Transitive: true),
        new("PerfTesting.History", null, ["PerfTesting.Xunit", "PerfTesting.BackingServices", "PerfTesting.Cli", "Registry*", "AWSSDK*", "Testcontainers*", "xunit*"],
            "the history store is a module on the engine: the CLI uses it, it uses no other module"),
        new("Registry", null, ["PerfTesting.BackingServices", "PerfTesting.Xunit", "PerfTesting.Cli", "Registry.AppHost", "Testcontainers*", "xunit*", "Docker*"],
            "the registry is a production service and takes its endpoints from configuration", Transitive: true),
        new("Registry.AppHost", null, ["xunit*", "PerfTesting.Xunit"],
            "the launcher starts backing services and the registry, it is not a test"),
    ], GovernedNodes: "PerfTesting*");

    /// <summary>Groups a namespace into its engine layer: PerfTesting.Baselines.Statistics is PerfTesting.Baselines.</summary>
    public static string EngineLayer(string ns) => string.Join('.', ns.Split('.').Take(2));

    private static DependencyRule Layer(string name, params string[] uses) =>
        new("PerfTesting." + name, [.. uses.Select(u => "PerfTesting." + u)], [],
            uses.Length == 0 ? $"{name} uses no other layer" : $"{name} may use only {string.Join(", ", uses)}");
}
