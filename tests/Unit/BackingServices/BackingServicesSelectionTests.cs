using PerfTesting.BackingServices;

namespace Tests.Unit.BackingServices;

public sealed class BackingServicesSelectionTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" auto ", null)]
    [InlineData("containers", BackingServiceKind.Containers)]
    [InlineData("DOCKER", BackingServiceKind.Containers)]
    [InlineData("local", BackingServiceKind.LocalProcesses)]
    [InlineData("external", BackingServiceKind.External)]
    public void ParseSelection_KnownValues_MapToProvider(string? value, BackingServiceKind? expected)
    {
        Assert.Equal(expected, BackingServicesLauncher.ParseSelection(value));
    }

    [Fact]
    public void ParseSelection_UnknownValue_FailsNamingTheChoices()
    {
        var error = Assert.Throws<BackingServicesUnavailableException>(() => BackingServicesLauncher.ParseSelection("kubernetes"));

        Assert.Contains("containers, local, external", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, BackingServiceKind.Containers)]
    [InlineData(false, BackingServiceKind.LocalProcesses)]
    public async Task ChooseAsync_NothingRequested_FollowsDocker(bool dockerAnswers, BackingServiceKind expected)
    {
        Assert.Equal(expected, await BackingServicesLauncher.ChooseAsync(null, () => Task.FromResult(dockerAnswers)));
    }

    [Fact]
    public async Task ChooseAsync_ExplicitChoice_WinsWithoutAskingDocker()
    {
        var asked = false;

        var kind = await BackingServicesLauncher.ChooseAsync(BackingServiceKind.External, () =>
        {
            asked = true;
            return Task.FromResult(true);
        });

        Assert.Equal(BackingServiceKind.External, kind);
        Assert.False(asked);
    }
}
