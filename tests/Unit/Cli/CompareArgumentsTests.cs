using PerfTesting.Cli.Compare;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;

namespace Tests.Unit.Cli;

/// <summary>Every bad argument of <c>perftest compare</c> gets a sentence (and exit 2) before anything is built.</summary>
public sealed class CompareArgumentsTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("compare-args-").FullName;

    public CompareArgumentsTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "Service"));
        File.WriteAllText(Path.Combine(_repo, "Service", "App.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(_repo, "Tests.csproj"), "<Project />");
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private (CompareSettings? Settings, string? Error) Parse(string? app = "Service/App.csproj", string? start = null, string? tests = null, string? filter = null,
        string? policy = null, string? budget = null, string? health = null, string? schedule = null) =>
        CompareArguments.Parse(_repo, null, false, null, app, start, health, tests, filter, null, null, policy, budget, schedule);

    [Fact]
    public void Parse_OnlyTheApp_TakesTheDefaults()
    {
        var (settings, error) = Parse();

        Assert.Null(error);
        Assert.Equal("main", settings!.BaseRef);
        Assert.Equal("/health", settings.Health);
        Assert.Equal(InconclusivePolicy.Warn, settings.Policy);
        Assert.Equal(TimeSpan.FromMinutes(8), settings.Budget);
        Assert.Equal(ABSchedule.Interleaved, settings.Schedule);
        Assert.Null(settings.HeadRef);
    }

    [Theory]
    [InlineData("interleaved", ABSchedule.Interleaved)]
    [InlineData("Duet", ABSchedule.Duet)]
    public void Parse_Schedule_IsKept(string text, ABSchedule expected)
    {
        Assert.Equal(expected, Parse(schedule: text).Settings!.Schedule);
    }

    [Theory]
    [InlineData("parallel")]
    [InlineData("0")]
    public void Parse_BadSchedule_SaysWhatIsWrong(string text)
    {
        var (settings, error) = Parse(schedule: text);

        Assert.Null(settings);
        Assert.Contains("--schedule must be interleaved or duet", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, null, null, null, "exactly one of them")]
    [InlineData("Service/App.csproj", "run {port}", null, null, null, null, "exactly one of them")]
    [InlineData("Service/Missing.csproj", null, null, null, null, null, "no such project")]
    [InlineData("Service/App.sln", null, null, null, null, null, "must name a .csproj")]
    [InlineData(null, "dotnet run", null, null, null, null, "must contain {port}")]
    [InlineData("Service/App.csproj", null, "Missing.csproj", null, null, null, "--tests must name an existing .csproj")]
    [InlineData("Service/App.csproj", null, null, "Name~Work", null, null, "--filter selects among --tests")]
    [InlineData("Service/App.csproj", null, null, null, "maybe", null, "--inconclusive must be fail, warn or pass")]
    [InlineData("Service/App.csproj", null, null, null, "1", null, "--inconclusive must be fail, warn or pass")]
    [InlineData("Service/App.csproj", null, null, null, null, "0", "--budget must be a positive duration")]
    [InlineData("Service/App.csproj", null, null, null, null, "-5m", "--budget must be a positive duration")]
    [InlineData("Service/App.csproj", null, null, null, null, "soon", "--budget must be a positive duration")]
    [InlineData("Service/App.csproj", null, null, null, null, "2d", "--budget must be a positive duration")]
    public void Parse_BadArgument_SaysWhatIsWrong(string? app, string? start, string? tests, string? filter, string? policy, string? budget, string expected)
    {
        var (settings, error) = Parse(app, start, tests, filter, policy, budget);

        Assert.Null(settings);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HealthWithoutSlash_IsRefused()
    {
        Assert.Contains("starting with '/'", Parse(health: "health").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("8m", 480)]
    [InlineData("1.5m", 90)]
    [InlineData("1h", 3600)]
    public void ParseDuration_UnitsAndBareSeconds(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), CompareArguments.ParseDuration(text));
    }

    [Fact]
    public void Parse_StartAndTestsAndFailPolicy_AreKept()
    {
        var (settings, _) = Parse(app: null, start: "dotnet run --urls http://127.0.0.1:{port}", tests: "Tests.csproj", filter: "Name~Work", policy: "FAIL", budget: "90s");

        Assert.Equal(InconclusivePolicy.Fail, settings!.Policy);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.Budget);
        Assert.Equal("Name~Work", settings.Filter);
    }
}
