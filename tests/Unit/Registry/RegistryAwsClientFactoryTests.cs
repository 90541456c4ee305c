using Amazon.Runtime;
using Amazon.S3;
using Registry.Options;
using RegistryClients = Registry.Hosting.RegistryAwsClients;

namespace Tests.Unit.Registry;

/// <summary>The registry's own client set-up from its <c>BackingServices</c> configuration.</summary>
public sealed class RegistryAwsClientFactoryTests
{
    [Fact]
    public void CreateS3Client_Emulator_AppliesTheByteExactQuirksAndKeys()
    {
        var options = new BackingServiceOptions { S3Url = new Uri("http://127.0.0.1:4568"), Emulator = true, AccessKey = "S3RVER", SecretKey = "S3RVER" };

        using var s3 = RegistryClients.CreateS3Client(options, config => config.MaxConnectionsPerServer = 7);
        var config = (AmazonS3Config)s3.Config;

        Assert.True(config.ForcePathStyle);
        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
        Assert.StartsWith("http://127.0.0.1:4568", config.ServiceURL, StringComparison.Ordinal);
        Assert.Equal("us-east-1", config.AuthenticationRegion);
        Assert.Equal(7, config.MaxConnectionsPerServer);
    }

    [Fact]
    public void CreateS3Client_LocalStack_KeepsTheSdkChecksumDefaults()
    {
        var options = new BackingServiceOptions { S3Url = new Uri("http://127.0.0.1:4566"), Region = "eu-west-1", AccessKey = "test", SecretKey = "test" };

        using var s3 = RegistryClients.CreateS3Client(options);
        var config = (AmazonS3Config)s3.Config;

        Assert.True(config.ForcePathStyle);
        Assert.Equal(RequestChecksumCalculation.WHEN_SUPPORTED, config.RequestChecksumCalculation);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
        Assert.Null(config.RegionEndpoint);
    }

    [Fact]
    public void CreateDynamoDbClient_RealAws_UsesTheRegionEndpoint()
    {
        var options = new BackingServiceOptions { Region = "eu-central-1", AccessKey = "a", SecretKey = "b" };

        using var dynamo = RegistryClients.CreateDynamoDbClient(options);

        Assert.Equal("eu-central-1", dynamo.Config.RegionEndpoint?.SystemName);
        Assert.Null(dynamo.Config.ServiceURL);
    }

    [Fact]
    public void NewPutObjectRequest_TurnsChunkEncodingOff()
    {
        var put = RegistryClients.NewPutObjectRequest("bucket", "key");

        Assert.False(put.UseChunkEncoding);
        Assert.Equal(("bucket", "key"), (put.BucketName, put.Key));
    }
}
