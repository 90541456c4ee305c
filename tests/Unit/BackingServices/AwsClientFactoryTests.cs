using Amazon.Runtime;
using PerfTesting.BackingServices;

namespace Tests.Unit.BackingServices;

public sealed class AwsClientFactoryTests
{
    private static readonly AwsEndpoint S3rver = new(new Uri("http://127.0.0.1:4568"), "us-east-1", AwsCredentials.S3rver, IsEmulator: true);
    private static readonly AwsEndpoint LocalStack = new(new Uri("http://127.0.0.1:4566"), "eu-west-1", AwsCredentials.LocalStack, IsEmulator: false);

    [Fact]
    public void CreateS3Client_Emulator_AppliesTheByteExactQuirks()
    {
        using var s3 = AwsClientFactory.CreateS3Client(S3rver);
        var config = (Amazon.S3.AmazonS3Config)s3.Config;

        Assert.True(config.ForcePathStyle);
        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
        Assert.StartsWith("http://127.0.0.1:4568", config.ServiceURL, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateS3Client_LocalStack_UsesServiceUrlAndAuthenticationRegionOnly()
    {
        using var s3 = AwsClientFactory.CreateS3Client(LocalStack);

        Assert.Equal("eu-west-1", s3.Config.AuthenticationRegion);
        Assert.Null(s3.Config.RegionEndpoint);
        Assert.True(((Amazon.S3.AmazonS3Config)s3.Config).ForcePathStyle);
    }

    [Fact]
    public void CreateDynamoDbClient_RealAws_UsesTheRegionEndpoint()
    {
        var aws = new AwsEndpoint(null, "eu-central-1", new AwsCredentials("a", "b"), IsEmulator: false);

        using var dynamo = AwsClientFactory.CreateDynamoDbClient(aws);

        Assert.Equal("eu-central-1", dynamo.Config.RegionEndpoint?.SystemName);
        Assert.Null(dynamo.Config.ServiceURL);
    }

    [Fact]
    public void NewPutObjectRequest_TurnsChunkEncodingOff()
    {
        var put = AwsClientFactory.NewPutObjectRequest("bucket", "key");

        Assert.False(put.UseChunkEncoding);
        Assert.Equal(("bucket", "key"), (put.BucketName, put.Key));
    }
}
