using System.Xml.Linq;
using PerfTesting.Distribution;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Xunit.Comparison;
using PerfTesting.Xunit.Hosting;

namespace Tests.Unit.XunitGlue;

/// <summary>
/// The global usings PerfTesting.Xunit ships (buildTransitive/PerfTesting.Xunit.props) cover every public
/// namespace a test needs, and name only namespaces that exist: a test file then needs no PerfTesting using.
/// </summary>
public sealed class GlobalUsingsTests
{
    private static readonly IReadOnlyList<string> Usings = XDocument
        .Load(Path.Combine(RepositoryRoot(), "src", "PerfTesting.Xunit", "buildTransitive", "PerfTesting.Xunit.props"))
        .Descendants("Using").Select(u => (string)u.Attribute("Include")!).ToList();

    [Theory]
    [InlineData(typeof(ABAssert))]
    [InlineData(typeof(ABReportWriter))]
    [InlineData(typeof(DistributedAgent))]
    [InlineData(typeof(KestrelAppFactory<>))]
    [InlineData(typeof(PerfTesting.Analysis.Analysers))]
    [InlineData(typeof(PerfTesting.Xunit.Assertions.PerfAssert))]
    [InlineData(typeof(PerfTesting.Load.LoadProfile))]
    public void Props_ImportTheNamespaceOf(Type type)
    {
        Assert.Contains(type.Namespace!, Usings);
    }

    [Fact]
    public void Props_NameOnlyNamespacesThatHaveTypes()
    {
        var namespaces = new[] { typeof(PerfTesting.Load.LoadProfile).Assembly, typeof(ABAssert).Assembly }
            .SelectMany(a => a.GetExportedTypes()).Select(t => t.Namespace).ToHashSet(StringComparer.Ordinal);

        Assert.All(Usings, u => Assert.Contains(u, namespaces));
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
