using PerfTesting.Measurement;

namespace Tests.Unit.Architecture;

/// <summary>The walls of docs/explanation/architecture.md, checked on the compiled assemblies.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Shipped = ["PerfTesting", "PerfTesting.Xunit", "PerfTesting.BackingServices", "PerfTesting.History", "Registry", "Registry.AppHost"];

    [Fact]
    public void EngineNamespaces_FollowTheLayering()
    {
        var violations = Layering.EngineNamespaces.Check(EngineNamespaces());

        Assert.True(violations.Count == 0, "The engine's layering is broken (docs/explanation/architecture.md):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Assemblies_ReferenceOnlyWhatTheirLayerAllows()
    {
        var violations = Layering.Assemblies.Check(ShippedAssemblies());

        Assert.True(violations.Count == 0, "An assembly references one it must not (docs/explanation/architecture.md):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Graphs_SeeTheEdgesThatExist()
    {
        // A checker reading an empty graph would pass everything: these edges are known to exist.
        var namespaces = EngineNamespaces();
        var assemblies = ShippedAssemblies();

        Assert.Contains("PerfTesting.Measurement", namespaces.Targets("PerfTesting.Load"));
        Assert.Contains("PerfTesting.Analysis", namespaces.Targets("PerfTesting.Reporting"));
        Assert.Contains("PerfTesting.Measurement", namespaces.Targets("PerfTesting.Assertions"));
        Assert.Contains("HdrHistogram", assemblies.Targets("PerfTesting"));
        Assert.Contains("PerfTesting", assemblies.Targets("Registry"));
        Assert.Contains("PerfTesting.BackingServices", assemblies.Targets("Registry.AppHost"));
        Assert.Contains("Testcontainers", DependencyRules.Reachable(assemblies, "Registry.AppHost"));
    }

    [Fact]
    public void NamespaceGraph_CountsAReferenceMadeOnlyInsideAMethodBody()
    {
        var graph = IlDependencies.Namespaces(typeof(ArchitectureTests).Assembly.Location, "Tests.Unit.Architecture.Samples", ns => ns);

        Assert.Contains("Tests.Unit.Architecture.Samples.Lower", graph.Targets("Tests.Unit.Architecture.Samples.Upper"));
        Assert.Empty(graph.Targets("Tests.Unit.Architecture.Samples.Lower"));
    }

    [Fact]
    public void EngineRules_RejectAMeasurementThatUsesLoad()
    {
        // The real engine graph plus the edge this layering removed (ScenarioRecorder took Load's StepOutcome).
        var graph = EngineNamespaces().Edge("PerfTesting.Measurement", "PerfTesting.Load", "ScenarioRecorder uses StepOutcome");

        var violations = Layering.EngineNamespaces.Check(graph);

        Assert.Contains(violations, v => v.StartsWith("PerfTesting.Measurement -> PerfTesting.Load is not allowed", StringComparison.Ordinal)
            && v.EndsWith("e.g. ScenarioRecorder uses StepOutcome", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("cycle: ", StringComparison.Ordinal)
            && v.Contains("PerfTesting.Load", StringComparison.Ordinal) && v.Contains("PerfTesting.Measurement", StringComparison.Ordinal));
    }

    [Fact]
    public void EngineRules_RejectAnalysersThatReadReports_AndANamespaceWithoutAPlace()
    {
        var graph = EngineNamespaces()
            .Edge("PerfTesting.Analysis", "PerfTesting.Reporting", "IRunAnalyser uses RunReport")
            .Edge("PerfTesting.Caching", "PerfTesting.Measurement");

        var violations = Layering.EngineNamespaces.Check(graph);

        Assert.Contains(violations, v => v.StartsWith("PerfTesting.Analysis -> PerfTesting.Reporting is not allowed", StringComparison.Ordinal));
        Assert.Contains("PerfTesting.Caching has no rule: give it a place in the layering", violations);
        Assert.Contains(violations, v => v.StartsWith("cycle: ", StringComparison.Ordinal));
    }

    [Fact]
    public void AssemblyRules_RejectTestInfrastructureInTheRegistry_DirectOrThroughAnotherAssembly()
    {
        var direct = ShippedAssemblies().Edge("Registry", "PerfTesting.BackingServices");
        var through = ShippedAssemblies().Edge("Registry", "Acme.Helpers").Edge("Acme.Helpers", "Testcontainers");

        Assert.Contains(Layering.Assemblies.Check(direct), v => v.StartsWith("Registry -> PerfTesting.BackingServices is not allowed", StringComparison.Ordinal));
        Assert.Contains("Registry reaches Testcontainers through other nodes (the registry is a production service and takes its endpoints from configuration)",
            Layering.Assemblies.Check(through));
    }

    [Fact]
    public void AssemblyRules_RejectAnEngineThatPullsMoreThanHdrHistogramAndPragmastat_AndModulesThatUseEachOther()
    {
        var graph = ShippedAssemblies()
            .Edge("PerfTesting", "AWSSDK.S3")
            .Edge("PerfTesting.Xunit", "PerfTesting.BackingServices")
            .Edge("PerfTesting.Cli", "xunit.v3.core");

        var violations = Layering.Assemblies.Check(graph);

        Assert.Contains(violations, v => v.StartsWith("PerfTesting -> AWSSDK.S3 is not allowed (the engine depends on HdrHistogram, Pragmastat (statistics) and the BCL only)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("PerfTesting.Xunit -> PerfTesting.BackingServices is not allowed", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("PerfTesting.Cli -> xunit.v3.core is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_OnASyntheticGraph_ReportsEveryForbiddenEdgeAndEveryCycle()
    {
        var rules = new DependencyRules(
        [
            new DependencyRule("A", ["B"], [], "A uses B only"),
            new DependencyRule("B", [], [], "B uses nothing"),
            new DependencyRule("C", null, ["D*"], "C never uses D", Transitive: true),
        ]);
        var graph = new DependencyGraph()
            .Edge("A", "B")
            .Edge("B", "A", "B.X uses A.Y")
            .Edge("C", "E")
            .Edge("E", "D2")
            .Edge("F", "G")
            .Edge("G", "H")
            .Edge("H", "F");

        var violations = rules.Check(graph);

        Assert.Equal(
        [
            "B -> A is not allowed (B uses nothing); e.g. B.X uses A.Y",
            "C reaches D2 through other nodes (C never uses D)",
            "cycle: A -> B -> A",
            "cycle: F -> G -> H -> F",
        ], violations);
        Assert.Empty(rules.Check(new DependencyGraph().Edge("A", "B").Edge("C", "E")));
    }

    // Read once per test run (the IL of every shipped assembly); each test gets its own copy to change.
    private static readonly Lazy<DependencyGraph> EngineNamespaceGraph = new(() =>
        IlDependencies.Namespaces(typeof(RunResult).Assembly.Location, "PerfTesting.", Layering.EngineLayer));

    // Every shipped assembly, plus any other PerfTesting module built beside the tests (a CLI, say).
    private static readonly Lazy<DependencyGraph> AssemblyGraph = new(() =>
        IlDependencies.Assemblies(
            AppContext.BaseDirectory,
            Shipped.Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "PerfTesting*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>()).Distinct(StringComparer.Ordinal)));

    private static DependencyGraph EngineNamespaces() => EngineNamespaceGraph.Value.Copy();

    private static DependencyGraph ShippedAssemblies() => AssemblyGraph.Value.Copy();
}
