using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Npgsql;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.External;
using PerfTesting.BackingServices.Fixtures;
using StackExchange.Redis;

namespace Tests.Integration.BackingServices;

/// <summary>Every provider available on the machine serves real S3, DynamoDB, PostgreSQL and Redis APIs, byte-exact.</summary>
public sealed class BackingServicesTests(BackingServicesFixture fixture)
{
    private const int LargeObjectBytes = 33 * 1024 * 1024 + 7; // over 32 MiB, and not a multiple of any chunk size

    public static TheoryData<BackingServiceKind> Providers =>
        [BackingServiceKind.LocalProcesses, BackingServiceKind.Containers, BackingServiceKind.External];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task S3_LargeObjectRoundTrip_IsByteExact(BackingServiceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (s3, bucket) = await NewBucketAsync(kind, ct);
        using var _ = s3;
        var content = DeterministicBytes(LargeObjectBytes);

        var put = AwsClientFactory.NewPutObjectRequest(bucket, "models/large.bin");
        put.InputStream = new MemoryStream(content);
        await s3.PutObjectAsync(put, ct);
        using var response = await s3.GetObjectAsync(bucket, "models/large.bin", ct);
        var readBack = await SHA256.HashDataAsync(response.ResponseStream, ct);

        Assert.Equal(LargeObjectBytes, response.ContentLength);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)), Convert.ToHexString(readBack));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task S3_PresignedGet_ReturnsTheSameBytes(BackingServiceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (s3, bucket) = await NewBucketAsync(kind, ct);
        using var _ = s3;
        var content = DeterministicBytes(3 * 1024 * 1024 + 1);
        var put = AwsClientFactory.NewPutObjectRequest(bucket, "presigned.bin");
        put.InputStream = new MemoryStream(content);
        await s3.PutObjectAsync(put, ct);

        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = "presigned.bin",
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = s3.Config.ServiceURL?.StartsWith("http://", StringComparison.Ordinal) == true ? Protocol.HTTP : Protocol.HTTPS,
        });
        using var http = new HttpClient();
        var downloaded = await http.GetByteArrayAsync(new Uri(url), ct);

        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DynamoDb_PutGetQuery_OnAFreshTable(BackingServiceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var services = await fixture.GetIfAvailableAsync(kind, ct);
        using var dynamo = AwsClientFactory.CreateDynamoDbClient(services.Endpoints.DynamoDb);
        var table = IsolatedNames.For<BackingServicesTests>().TablePrefix + "items";

        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.N)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        }, ct);
        await DynamoDbTables.WaitUntilActiveAsync(dynamo, table, TimeProvider.System, ct);
        for (var i = 0; i < 3; i++)
        {
            await dynamo.PutItemAsync(table, new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "model#arnir0/Tiny-LLM" },
                ["sk"] = new() { N = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["size"] = new() { N = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, ct);
        }

        var item = await dynamo.GetItemAsync(table, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "model#arnir0/Tiny-LLM" },
            ["sk"] = new() { N = "1" },
        }, ct);
        var query = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :pk AND sk >= :from",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new() { S = "model#arnir0/Tiny-LLM" },
                [":from"] = new() { N = "1" },
            },
        }, ct);

        Assert.Equal("1001", item.Item["size"].N);
        Assert.Equal(["1", "2"], query.Items.Select(i => i["sk"].N));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Postgres_ExecutesAQuery_InAnIsolatedDatabase(BackingServiceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var services = await fixture.GetIfAvailableAsync(kind, ct);
        var names = IsolatedNames.For<BackingServicesTests>();

        var connectionString = await PostgresDatabases.CreateAsync(services.Endpoints.PostgresConnectionString, names.Database, ct);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT current_database(), 6 * 7");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);

        Assert.Equal(names.Database, reader.GetString(0));
        Assert.Equal(42, reader.GetInt32(1));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Redis_StoresAndReturnsAValue_OnLoopback(BackingServiceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var services = await fixture.GetIfAvailableAsync(kind, ct);
        if (services.Endpoints.Redis is not { } endpoint)
        {
            Assert.Skip($"This provider has no Redis ({ExternalBackingServices.RedisVariable} is not set).");
            return; // Assert.Skip throws; the compiler does not know it
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(endpoint);
        var key = IsolatedNames.For<BackingServicesTests>().TablePrefix + "redis";
        await redis.GetDatabase().StringSetAsync(key, "42", TimeSpan.FromMinutes(1));

        Assert.Equal("42", (string?)await redis.GetDatabase().StringGetAsync(key));
        if (kind != BackingServiceKind.External)
        {
            Assert.StartsWith("127.0.0.1:", endpoint, StringComparison.Ordinal);
        }
    }

    private async Task<(AmazonS3Client Client, string Bucket)> NewBucketAsync(BackingServiceKind kind, CancellationToken ct)
    {
        var services = await fixture.GetIfAvailableAsync(kind, ct);
        var s3 = AwsClientFactory.CreateS3Client(services.Endpoints.S3);
        var bucket = IsolatedNames.For<BackingServicesTests>().Bucket;
        await s3.PutBucketAsync(bucket, ct);
        return (s3, bucket);
    }

    private static byte[] DeterministicBytes(int length)
    {
        var bytes = new byte[length];
        new Random(20261123).NextBytes(bytes);
        return bytes;
    }
}
