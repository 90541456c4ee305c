using PerfTesting.BackingServices;
using PerfTesting.BackingServices.External;

namespace Tests.Unit.BackingServices;

public sealed class ExternalBackingServicesTests
{
    [Fact]
    public async Task FromEnvironment_LocalStackSettings_UseServiceUrlAndKeys()
    {
        var services = ExternalBackingServices.FromEnvironment(Variables(new()
        {
            ["PERF_S3_URL"] = "http://localhost:4566",
            ["PERF_DYNAMODB_URL"] = "http://localhost:4567",
            ["PERF_POSTGRES"] = "Host=localhost",
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["PERF_REDIS"] = "localhost:6379",
        }));
        await using var _ = services;

        var endpoints = services.Endpoints;
        Assert.Equal(BackingServiceKind.External, endpoints.Kind);
        Assert.Equal(new Uri("http://localhost:4566"), endpoints.S3.ServiceUrl);
        Assert.Equal(new Uri("http://localhost:4567"), endpoints.DynamoDb.ServiceUrl);
        Assert.Equal("eu-west-1", endpoints.S3.Region);
        Assert.Equal(new AwsCredentials("test", "secret"), endpoints.S3.Credentials);
        Assert.False(endpoints.S3.IsEmulator);
        Assert.Equal("Host=localhost", endpoints.PostgresConnectionString);
        Assert.Equal("localhost:6379", endpoints.Redis);
    }

    [Fact]
    public void FromEnvironment_NoUrls_MeansRealAwsWithDefaultCredentialChain()
    {
        var endpoints = ExternalBackingServices.FromEnvironment(Variables(new() { ["PERF_POSTGRES"] = "Host=db" })).Endpoints;

        Assert.Null(endpoints.S3.ServiceUrl);
        Assert.Null(endpoints.S3.Credentials);
        Assert.Equal(AwsEndpoint.DefaultRegion, endpoints.DynamoDb.Region);
        Assert.Null(endpoints.Redis);
    }

    [Fact]
    public void FromEnvironment_EmulatorFlag_MarksEndpointsAsEmulators()
    {
        var endpoints = ExternalBackingServices.FromEnvironment(Variables(new()
        {
            ["PERF_POSTGRES"] = "Host=db",
            ["PERF_S3_URL"] = "http://127.0.0.1:4568",
            ["PERF_EMULATOR"] = "1",
        })).Endpoints;

        Assert.True(endpoints.S3.IsEmulator);
    }

    [Fact]
    public void FromEnvironment_MissingPostgres_FailsNamingTheVariables()
    {
        var error = Assert.Throws<BackingServicesUnavailableException>(() => ExternalBackingServices.FromEnvironment(Variables([])));

        Assert.Contains("PERF_POSTGRES", error.Message, StringComparison.Ordinal);
        Assert.Contains("PERF_S3_URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_RelativeUrl_IsRejected()
    {
        var error = Assert.Throws<BackingServicesUnavailableException>(() => ExternalBackingServices.FromEnvironment(Variables(new()
        {
            ["PERF_POSTGRES"] = "Host=db",
            ["PERF_S3_URL"] = "localhost:4566/x",
        })));

        Assert.Contains("PERF_S3_URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_OnlyS3_NeedsNoPostgresAndHoldsOnlyS3()
    {
        var endpoints = ExternalBackingServices.FromEnvironment(BackingService.S3, Variables(new() { ["PERF_S3_URL"] = "http://localhost:4566" })).Endpoints;

        Assert.Equal(BackingService.S3, endpoints.Services);
        Assert.Equal(new Uri("http://localhost:4566"), endpoints.S3.ServiceUrl);
        var error = Assert.Throws<InvalidOperationException>(() => endpoints.PostgresConnectionString);
        Assert.Contains("Postgres was not started", error.Message, StringComparison.Ordinal);
        Assert.Contains("Services = S3", endpoints.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_OnlyPostgres_StillNeedsPerfPostgres()
    {
        var error = Assert.Throws<BackingServicesUnavailableException>(() => ExternalBackingServices.FromEnvironment(BackingService.Postgres, Variables(new())));

        Assert.Contains("PERF_POSTGRES", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsCredentials_ToString_HidesTheSecret()
    {
        Assert.Equal("AKIA/***", new AwsCredentials("AKIA", "very-secret").ToString());
    }

    private static Func<string, string?> Variables(Dictionary<string, string> values) =>
        name => values.TryGetValue(name, out var value) ? value : null;
}
