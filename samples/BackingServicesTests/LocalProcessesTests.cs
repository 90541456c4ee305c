using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using Npgsql;
using PerfTesting.BackingServices;

namespace BackingServicesTests;

public class LocalProcessesTests
{
    [Fact]
    public async Task LocalProcesses_FromThePackage_ServeS3DynamoDbAndPostgres()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = await BackingServicesLauncher.StartAsync(BackingServiceKind.LocalProcesses, ct);
        var endpoints = services.Endpoints;

        using var s3 = AwsClientFactory.CreateS3Client(endpoints.S3);
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "sample" }, ct);
        var put = AwsClientFactory.NewPutObjectRequest("sample", "hello.txt");
        put.ContentBody = "hello from the package";
        await s3.PutObjectAsync(put, ct);
        using var got = await s3.GetObjectAsync("sample", "hello.txt", ct);
        using var reader = new StreamReader(got.ResponseStream);
        Assert.Equal("hello from the package", await reader.ReadToEndAsync(ct));

        using var dynamo = AwsClientFactory.CreateDynamoDbClient(endpoints.DynamoDb);
        var tables = await dynamo.ListTablesAsync(new ListTablesRequest(), ct);
        Assert.NotNull(tables.TableNames);

        await using var postgres = new NpgsqlConnection(endpoints.PostgresConnectionString);
        await postgres.OpenAsync(ct);
        await using var query = new NpgsqlCommand("SELECT 40 + 2", postgres);
        Assert.Equal(42, await query.ExecuteScalarAsync(ct));
    }
}
