using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using Npgsql;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>
/// Thousands of bad requests generated from classes (ids, methods, headers, bodies, metadata with
/// surrogates and deep nesting, ranges, paging, workload bodies, auth) over every endpoint: none may
/// get a 5xx, and nothing stored may change. Each request breaks exactly one rule of a request that
/// would otherwise be valid, so a wrongly accepted one would show up as a data change. The seed is
/// fixed: a failure reproduces.
/// </summary>
public sealed class MalformedInputTests(BackingServicesFixture fixture)
{
    private const string Model = "models/acme/base/1.0.0";

    [Fact]
    public async Task TwoThousandGeneratedBadRequests_GetNo5xx_AndChangeNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(TwoThousandGeneratedBadRequests_GetNo5xx_AndChangeNothing));
        using var admin = app.Admin();
        var archive = Archive(200_000, 42);
        (await admin.PutAsync(Model, Zip(archive), ct)).EnsureSuccessStatusCode();
        var before = await SnapshotAsync(app, admin, ct);

        var requests = Generate(new Random(20261130)).ToList();
        var answers = new System.Collections.Concurrent.ConcurrentBag<(string Case, int Status)>();
        // Raw UTF-8 header bytes: HttpClient refuses non-ASCII headers unless told how to encode them.
        using var rawAdmin = RawClient(app, RegistryApp.AdminToken);
        using var reader = RawClient(app, RegistryApp.ReaderToken);
        using var anonymous = RawClient(app, null);
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (bad, token) =>
        {
            var client = bad.Token switch { Who.Admin => rawAdmin, Who.Reader => reader, _ => anonymous };
            using var request = bad.Build();
            using var response = await client.SendAsync(request, token);
            _ = await response.Content.ReadAsByteArrayAsync(token);
            answers.Add((bad.Case, (int)response.StatusCode));
        });
        var after = await SnapshotAsync(app, admin, ct);

        Assert.True(requests.Count >= 2000, $"{requests.Count} requests");
        var serverErrors = answers.Where(a => a.Status >= 500).Select(a => $"{a.Status} {a.Case}").Take(20).ToList();
        Assert.Empty(serverErrors);
        Assert.Equal(0, app.ServerErrors);
        Assert.Equal(before, after);
        Assert.DoesNotContain(answers, a => a.Status is 200 or 201 && a.Case.Contains(" put", StringComparison.Ordinal));
        Assert.All(answers.Where(a => a.Case.StartsWith("reject:", StringComparison.Ordinal)), a => Assert.InRange(a.Status, 400, 499));
    }

    private enum Who
    {
        Admin,
        Reader,
        Anonymous,
    }

    /// <summary>One generated request; "reject:" cases must get a 4xx, the others (ranges, harmless reads) only no 5xx.</summary>
    private sealed record BadRequest(string Case, HttpMethod Method, string Path, Who Token, Func<HttpContent?> Body, IReadOnlyList<(string Name, string Value)> Headers)
    {
        public HttpRequestMessage Build()
        {
            var request = new HttpRequestMessage(Method, Path) { Content = Body() };
            foreach (var (name, value) in Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content ??= new ByteArrayContent([]);
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return request;
        }
    }

    private static IEnumerable<BadRequest> Generate(Random random)
    {
        static HttpContent ZipBody(byte[] bytes) => Zip(bytes);
        var zip = Archive(2048, 7);
        var badSegments = new[]
        {
            "..", ".", "%2e%2e", "a%2Fb", "a%5Cb", "%00", "a%00b", "%01", "%7F", "%20", "a%20b", "-a", "_a", ".a", "a.", "a..b",
            new string('a', 97), new string('a', 300), "%C3%A9", "%E2%80%8B", "%F0%9F%98%80", "%FF", "%C0%AF", "a:b", "a*b", "a%3Fb", "a%23b", "A%0D%0AB",
        };
        var badVersions = new[] { "1", "1.0", "01.0.0", "1.0.0.0", "v1.0.0", "1.0.0-", "1.0.0+", "-1.0.0", "1.0.0%00", "99999999999999999999.0.0", "1.0.0-%C3%A9", "1..0", "a.b.c", "1.0.0-" + new string('x', 200) };

        // ids, in each position, for every id route and method
        foreach (var segment in badSegments)
        {
            foreach (var template in new[] { "models/{0}/x/1.0.0", "models/acme/{0}/1.0.0" })
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, segment);
                var parts = Uri.UnescapeDataString(path).Split('/');
                // Only ids the registry's own rule refuses get a valid archive; any other id gets a body that is refused anyway.
                var refused = parts.Length != 4 || !global::Registry.Models.ModelKey.TryCreate(parts[1], parts[2], parts[3], out _, out _);
                yield return refused
                    ? new("reject:id put " + path, HttpMethod.Put, path, Who.Admin, () => ZipBody(zip), [])
                    : new("reject:id put, body refused " + path, HttpMethod.Put, path, Who.Admin, () => RawBody(zip, "text/plain"), []);
                yield return new("id get " + path, HttpMethod.Get, path, Who.Reader, () => null, []);
                yield return new("id download " + path, HttpMethod.Get, path + "/model.zip", Who.Reader, () => null, []);
            }
        }

        foreach (var version in badVersions)
        {
            var refused = !global::Registry.Models.ModelKey.TryCreate("acme", "x", Uri.UnescapeDataString(version), out _, out _);
            yield return refused
                ? new("reject:version put " + version, HttpMethod.Put, "models/acme/x/" + version, Who.Admin, () => ZipBody(zip), [])
                : new("reject:version put, body refused " + version, HttpMethod.Put, "models/acme/x/" + version, Who.Admin, () => RawBody(zip, "text/plain"), []);
            yield return new("version get " + version, HttpMethod.Get, "models/acme/x/" + version, Who.Reader, () => null, []);
        }

        // methods on every route
        var routes = new[] { "health", "health/components", "tracks", "models", Model, Model + "/model.zip", "reset", "health/performance/workload", "health/performance/runs", "health/performance/results/x", "dashboard" };
        var methods = new[] { HttpMethod.Post, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Put, new HttpMethod("PROPFIND"), new HttpMethod("TRACE") };
        foreach (var route in routes)
        {
            foreach (var method in methods)
            {
                var changesData = (route, method.Method) is ("reset", "DELETE") or ("health/performance/workload", "POST") or (Model, "PUT");
                if (!changesData)
                {
                    yield return new($"reject:method {method} {route}", method, route, Who.Admin, () => new StringContent("{}", Encoding.UTF8, "application/json"), []);
                }
            }
        }

        // auth variants on every protected action, including the data-changing ones
        var authHeaders = new[] { "Bearer", "Bearer ", "Bearer wrong-token-0123456789", "Basic YWRtaW46YWRtaW4=", "bearer " + RegistryApp.ReaderToken + "x", "Bearer " + new string('a', 4000), "Token " + RegistryApp.AdminToken, "Bearer\t" + RegistryApp.AdminToken + "\u00e9" };
        foreach (var auth in authHeaders)
        {
            yield return new("reject:auth reset " + auth.Length, HttpMethod.Delete, "reset", Who.Anonymous, () => null, [("Authorization", auth)]);
            yield return new("reject:auth put " + auth.Length, HttpMethod.Put, "models/acme/authx/1.0.0", Who.Anonymous, () => ZipBody(zip), [("Authorization", auth)]);
            yield return new("reject:auth workload " + auth.Length, HttpMethod.Post, "health/performance/workload", Who.Anonymous, () => new StringContent("{}", Encoding.UTF8, "application/json"), [("Authorization", auth)]);
            yield return new("reject:auth list " + auth.Length, HttpMethod.Get, "models", Who.Anonymous, () => null, [("Authorization", auth)]);
        }

        yield return new("reject:reader resets", HttpMethod.Delete, "reset", Who.Reader, () => null, []);
        yield return new("reject:reader uploads", HttpMethod.Put, "models/acme/readerx/1.0.0", Who.Reader, () => ZipBody(zip), []);
        yield return new("reject:reader starts a workload", HttpMethod.Post, "health/performance/workload", Who.Reader, () => new StringContent("{}", Encoding.UTF8, "application/json"), []);

        // content types and bodies
        var contentTypes = new[] { "text/plain", "application/zipx", "application/", "zip", "*/*", "application/json+zip", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", ";", "application/zip;;;", "\u00e9/\u00e9" };
        foreach (var type in contentTypes)
        {
            yield return new("reject:content-type " + type, HttpMethod.Put, "models/acme/ctx/1.0.0", Who.Admin, () => RawBody(zip, type), []);
        }

        for (var i = 0; i < 150; i++)
        {
            var size = random.Next(0, 3000);
            var bytes = new byte[size];
            random.NextBytes(bytes);
            if (size >= 2 && bytes[0] == 0x50 && bytes[1] == 0x4B)
            {
                bytes[0] = 0;
            }

            yield return new("reject:random zip body " + i, HttpMethod.Put, "models/acme/bodyx/1.0.0", Who.Admin, () => RawBody(bytes, "application/zip"), []);
            yield return new("reject:random json body " + i, HttpMethod.Put, "models/acme/bodyj/1.0.0", Who.Admin, () => RawBody(bytes, "application/json"), []);
            yield return new("reject:random workload body " + i, HttpMethod.Post, "health/performance/workload", Who.Admin, () => RawBody(bytes, "application/json"), []);
        }

        // metadata: in the header (with a valid zip) and as a JSON body
        foreach (var metadata in BadMetadata(random))
        {
            yield return new("reject:metadata header " + Short(metadata), HttpMethod.Put, "models/acme/metax/1.0.0", Who.Admin, () => ZipBody(zip), [("X-Model-Metadata", metadata)]);
            yield return new("reject:metadata body " + Short(metadata), HttpMethod.Put, "models/acme/metaj/1.0.0", Who.Admin, () => RawBody(Encoding.UTF8.GetBytes(metadata), "application/json"), []);
        }

        // ranges on an existing archive: any answer but a 5xx, and the stored bytes are not touched
        var ranges = new[] { "bytes=", "bytes=-", "bytes=-0", "bytes=0-0", "bytes=5-1", "bytes=199999-", "bytes=200000-", "bytes=0-99999999999999999999", "bytes=-99999999999999999999", "bits=0-1", "bytes=0-1,2-3", "bytes=1-2-3", "bytes=a-b", "bytes= 0-1", "bytes=0-1 ", "bytes=\u00e9", "bytes=-1", new string('x', 5000), "bytes=" + string.Join(',', Enumerable.Range(0, 500).Select(i => $"{i}-{i}")) };
        foreach (var range in ranges)
        {
            yield return new("range " + Short(range), HttpMethod.Get, Model + "/model.zip", Who.Reader, () => null, [("Range", range)]);
        }

        for (var i = 0; i < 200; i++)
        {
            var from = random.NextInt64(-5, 250_000);
            var to = random.NextInt64(-5, 250_000);
            yield return new($"range random {from}-{to}", HttpMethod.Get, Model + "/model.zip", Who.Reader, () => null, [("Range", $"bytes={from}-{to}")]);
        }

        // paging
        var limits = new[] { "0", "-1", "1001", "1e3", "0x10", "1.5", "%201", "1%00", "%EF%BC%91", "999999999999", "", "+1", "1,2", "NaN" };
        foreach (var limit in limits)
        {
            yield return new("reject:limit " + limit, HttpMethod.Get, "models?limit=" + limit, Who.Reader, () => null, []);
        }

        for (var i = 0; i < 120; i++)
        {
            var bytes = new byte[random.Next(1, 600)];
            random.NextBytes(bytes);
            var cursor = i % 2 == 0 ? Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=') : Uri.EscapeDataString(Encoding.Latin1.GetString(bytes));
            yield return new("reject:cursor " + i, HttpMethod.Get, "models?cursor=" + cursor, Who.Reader, () => null, []);
        }

        // workload bodies that must be refused
        var workloads = new[]
        {
            """{"num_clients": 0}""", """{"num_clients": -1}""", """{"num_clients": 1001}""", """{"num_clients": "5"}""", """{"num_clients": 1.5}""", """{"num_clients": null}""",
            """{"duration_seconds": 0}""", """{"duration_seconds": 3601}""", """{"requests_per_client": 0}""", """{"model_id": ""}""", """{"model_id": "../../etc"}""",
            """{"model_id": "no/such-model"}""", """{"version": "x"}""", """{"artifact_id": "other.bin"}""", """{"unknown": 1}""", "[]", "null", "1", "\"x\"", "{", "{\"a\":\"\\ud800\"}",
            """{"num_clients": 99999999999999999999}""", new string('[', 5000), "{\"model_id\":\"" + new string('a', 5000) + "\"}",
        };
        foreach (var workload in workloads)
        {
            yield return new("reject:workload " + Short(workload), HttpMethod.Post, "health/performance/workload", Who.Admin, () => RawBody(Encoding.UTF8.GetBytes(workload), "application/json"), []);
        }

        yield return new("reject:workload as text", HttpMethod.Post, "health/performance/workload", Who.Admin, () => RawBody("{}"u8.ToArray(), "text/plain"), []);

        // results of runs that do not exist, with odd ids
        foreach (var segment in badSegments.Concat(["00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString()]))
        {
            yield return new("run id " + segment, HttpMethod.Get, "health/performance/results/" + segment, Who.Reader, () => null, []);
        }

        // odd but harmless headers on reads
        var oddHeaders = new (string, string)[] { ("X-Correlation-Id", new string('c', 2000)), ("X-Correlation-Id", "\u00e9\u00e9"), ("Accept", "application/xml"), ("Accept-Encoding", "br;q=x"), ("If-None-Match", "\"x\""), ("If-Range", "garbage"), ("Expect", "100-continue") };
        foreach (var (name, value) in oddHeaders)
        {
            foreach (var route in new[] { "models", Model, Model + "/model.zip", "health/components" })
            {
                yield return new($"header {name} {route}", HttpMethod.Get, route, Who.Reader, () => null, [(name, value)]);
            }
        }

        // A valid upload of the existing version with different bytes is a conflict, never an overwrite.
        for (var i = 0; i < 20; i++)
        {
            var other = Archive(2048 + i, 1000 + i);
            yield return new("reject:overwrite " + i, HttpMethod.Put, Model, Who.Admin, () => ZipBody(other), []);
        }

        // Repeat the whole set with fresh random draws until there are enough: ids and metadata mutate further.
        for (var i = 0; i < 700; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(1, 0x3000)).ToArray();
            var segment = Uri.EscapeDataString(new string(chars));
            var valid = random.Next(3);
            var path = valid switch
            {
                0 => $"models/{segment}/x/1.0.0",
                1 => $"models/acme/{segment}/1.0.0",
                _ => $"models/acme/x/{segment}",
            };
            var id = new string(chars);
            var isValidId = id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && valid < 2;
            yield return new((isValidId ? "" : "reject:") + "random id put " + i, HttpMethod.Put, path, Who.Admin, () => RawBody(zip, "text/plain"), []);
            yield return new("random id get " + i, HttpMethod.Get, path, Who.Reader, () => null, []);
        }
    }

    private static IEnumerable<string> BadMetadata(Random random)
    {
        yield return """{"a":"\ud800"}""";
        yield return """{"a":"\udfff"}""";
        yield return """{"\ud800":"v"}""";
        yield return """{"a":"x\ud800\ud800"}""";
        yield return """{"a":"\udc00\ud800"}""";
        yield return new string('[', 10_000);
        yield return string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "\"x\"" + new string('}', 70);
        yield return string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000);
        yield return """{"a":1}""";
        yield return """{"a":null}""";
        yield return """{"a":true}""";
        yield return """{"a":["x"]}""";
        yield return """{"a":{"b":"c"}}""";
        yield return """{"a":"x","a":"y"}""";
        yield return """{"":"x"}""";
        yield return "{\"" + new string('k', 129) + "\":\"v\"}";
        yield return "{\"a\u0001\":\"v\"}";
        yield return "{" + string.Join(',', Enumerable.Range(0, 65).Select(i => $"\"k{i}\":\"v\"")) + "}";
        yield return "[]";
        yield return "\"text\"";
        yield return "null";
        yield return "{";
        yield return "{\"a\":\"b\"";
        yield return "{'a':'b'}";
        yield return "{\"a\":\"b\"} trailing";
        yield return "{\"a\":\"b\",}";
        yield return "{\"a\":\"" + new string('v', 9000) + "\"}";
        for (var i = 0; i < 40; i++)
        {
            // Random escapes in a key or value, each with at least one unpaired surrogate.
            var escape = $"\\u{random.Next(0xD800, 0xE000):x4}";
            yield return random.Next(2) == 0 ? $"{{\"k\":\"{escape}{i}\"}}" : $"{{\"{escape}{i}\":\"v\"}}";
        }
    }

    private static HttpClient RawClient(RegistryApp app, string? token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static ByteArrayContent RawBody(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Everything stored: catalog listing, each archive's hash, S3 objects and PostgreSQL rows.</summary>
    private static async Task<string> SnapshotAsync(RegistryApp app, HttpClient admin, CancellationToken ct)
    {
        var list = await admin.GetStringAsync("models?limit=1000", ct);
        var archive = await admin.GetByteArrayAsync(Model + "/model.zip", ct);
        using var s3 = AwsClientFactory.CreateS3Client(app.Endpoints.S3);
        var objects = await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = app.Names.Bucket }, ct);
        var connection = await PostgresDatabases.CreateAsync(app.Endpoints.PostgresConnectionString, app.Names.Database, ct);
        await using var dataSource = NpgsqlDataSource.Create(connection);
        var rows = (long)(await dataSource.CreateCommand("SELECT count(*) FROM archive_chunks").ExecuteScalarAsync(ct))!;
        var runs = await admin.GetStringAsync("health/performance/runs", ct);
        return string.Join('\n', list, Convert.ToHexString(SHA256.HashData(archive)),
            string.Join(',', (objects.S3Objects ?? []).Select(o => $"{o.Key}:{o.Size}")), rows.ToString(System.Globalization.CultureInfo.InvariantCulture), runs);
    }
}
