using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Containers;

namespace Tests.Unit.BackingServices;

public sealed class AwsContainerSelectionTests
{
    [Theory]
    [InlineData(null, AwsContainerChoice.Auto)]
    [InlineData("", AwsContainerChoice.Auto)]
    [InlineData(" AUTO ", AwsContainerChoice.Auto)]
    [InlineData("localstack", AwsContainerChoice.LocalStack)]
    [InlineData("emulators", AwsContainerChoice.Emulators)]
    public void Parse_KnownValues_MapToChoice(string? value, AwsContainerChoice expected)
    {
        Assert.Equal(expected, AwsContainerSelection.Parse(value));
    }

    [Fact]
    public void Parse_UnknownValue_FailsNamingTheChoices()
    {
        var error = Assert.Throws<BackingServicesUnavailableException>(() => AwsContainerSelection.Parse("minio"));

        Assert.Contains("localstack, emulators, auto", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, AwsContainerChoice.LocalStack)]    // LocalStack wins where both exist
    [InlineData(true, false, AwsContainerChoice.LocalStack)]
    [InlineData(false, true, AwsContainerChoice.Emulators)]    // a machine without a registry, after engine.sh
    [InlineData(false, false, AwsContainerChoice.LocalStack)]  // nothing local: Testcontainers pulls LocalStack
    public void Decide_Auto_FollowsTheImagesPresent(bool localStack, bool emulators, AwsContainerChoice expected)
    {
        Assert.Equal(expected, AwsContainerSelection.Decide(AwsContainerChoice.Auto, localStack, emulators));
    }

    [Theory]
    [InlineData(AwsContainerChoice.LocalStack)]
    [InlineData(AwsContainerChoice.Emulators)]
    public void Decide_ExplicitChoice_WinsWhateverImagesExist(AwsContainerChoice choice)
    {
        Assert.Equal(choice, AwsContainerSelection.Decide(choice, localStackImagePresent: choice != AwsContainerChoice.LocalStack, emulatorsImagePresent: choice != AwsContainerChoice.Emulators));
    }
}
