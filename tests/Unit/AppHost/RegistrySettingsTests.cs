using PerfTesting.BackingServices;
using Registry.AppHost;

namespace Tests.Unit.AppHost;

public sealed class RegistrySettingsTests
{
    [Fact]
    public void For_LocalEmulators_GivesUrlsConnectionStringEmulatorFlagAndS3rverKeys()
    {
        var endpoints = new BackingServiceEndpoints(
            BackingServiceKind.LocalProcesses,
            new AwsEndpoint(new Uri("http://127.0.0.1:4568"), "us-east-1", AwsCredentials.S3rver, IsEmulator: true),
            new AwsEndpoint(new Uri("http://127.0.0.1:4569"), "us-east-1", AwsCredentials.LocalStack, IsEmulator: true),
            "Host=127.0.0.1;Port=5433;Username=postgres",
            "127.0.0.1:6380");

        var settings = RegistrySettings.For(endpoints);

        Assert.Equal("http://127.0.0.1:4568/", settings["BackingServices:S3Url"]);
        Assert.Equal("http://127.0.0.1:4569/", settings["BackingServices:DynamoDbUrl"]);
        Assert.Equal("Host=127.0.0.1;Port=5433;Username=postgres", settings["BackingServices:Postgres"]);
        Assert.Equal("True", settings["BackingServices:Emulator"]);
        Assert.Equal("us-east-1", settings["BackingServices:Region"]);
        Assert.Equal(("S3RVER", "S3RVER"), (settings["BackingServices:AccessKey"], settings["BackingServices:SecretKey"]));
        Assert.Equal("127.0.0.1:6380", settings["BackingServices:Redis"]);
    }

    [Fact]
    public void For_RealAwsWithoutKeys_LeavesUrlsUnsetAndKeysToTheSdkChain()
    {
        var aws = new AwsEndpoint(null, "eu-west-1", null, IsEmulator: false);
        var endpoints = new BackingServiceEndpoints(BackingServiceKind.External, aws, aws, "Host=db");

        var settings = RegistrySettings.For(endpoints);

        Assert.False(settings.ContainsKey("BackingServices:S3Url"));
        Assert.False(settings.ContainsKey("BackingServices:DynamoDbUrl"));
        Assert.Equal("False", settings["BackingServices:Emulator"]);
        Assert.Equal("eu-west-1", settings["BackingServices:Region"]);
        Assert.False(settings.ContainsKey("BackingServices:AccessKey"));
        Assert.False(settings.ContainsKey("BackingServices:Redis"));
    }
}
