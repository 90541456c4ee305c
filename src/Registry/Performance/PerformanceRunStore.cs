using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using PerfTesting.Aws;
using PerfTesting.Measurement;
using Registry.Hosting;
using Registry.Options;

namespace Registry.Performance;

/// <summary>
/// DynamoDB table <c>performance_metrics</c> (with the registry's prefix): partition key <c>run_id</c>,
/// sort key <c>item</c>. Each run has one <c>summary</c> item (status, started_at and the summary
/// JSON) and one <c>request#NNNNNNNNN</c> item per recorded request (timestamp, client_id,
/// latency_ms, bytes, status_code), written in batches of 25 after the run so that writing does not
/// compete with the measured requests.
/// </summary>
internal sealed class PerformanceRunStore(BackingServiceClients clients, IOptions<RegistryOptions> options, TimeProvider time) : IStartupTask, IResettable
{
    private const string Summary = "summary";
    private const int BatchSize = 25;

    private IAmazonDynamoDB Dynamo => clients.DynamoDb;

    private string Table => options.Value.TablePrefix + "performance_metrics";

    public Task RunAsync(CancellationToken cancellationToken) =>
        DynamoDbTables.CreateIfMissingAsync(Dynamo, Table, "run_id", "item", time, cancellationToken);

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await DynamoDbTables.DeleteAsync(Dynamo, Table, time, cancellationToken);
        await RunAsync(cancellationToken);
    }

    public async Task SaveSummaryAsync(RunSummary summary, CancellationToken cancellationToken) =>
        await Dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = Table,
            Item = new()
            {
                ["run_id"] = new(summary.RunId),
                ["item"] = new(Summary),
                ["status"] = new(summary.Status),
                ["started_at"] = new(summary.StartedAt.ToString("O", CultureInfo.InvariantCulture)),
                ["summary_json"] = new(JsonSerializer.Serialize(summary)),
            },
        }, cancellationToken);

    public async Task<RunSummary?> GetSummaryAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await Dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new() { ["run_id"] = new(runId), ["item"] = new(Summary) },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? JsonSerializer.Deserialize<RunSummary>(item["summary_json"].S) : null;
    }

    /// <summary>Every run's summary, newest first (a scan: fine for the hundreds of runs a registry keeps).</summary>
    public async Task<IReadOnlyList<RunSummary>> ListSummariesAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<RunSummary>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Dynamo.ScanAsync(new ScanRequest
            {
                TableName = Table,
                FilterExpression = "#item = :summary",
                ExpressionAttributeNames = new() { ["#item"] = "item" },
                ExpressionAttributeValues = new() { [":summary"] = new(Summary) },
                ExclusiveStartKey = start,
            }, cancellationToken);
            summaries.AddRange((page.Items ?? []).Select(i => JsonSerializer.Deserialize<RunSummary>(i["summary_json"].S)!));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return [.. summaries.OrderByDescending(s => s.StartedAt)];
    }

    /// <summary>Writes the per-request records in batches of 25, retrying what DynamoDB leaves unprocessed.</summary>
    public async Task<long> WriteRecordsAsync(string runId, DateTimeOffset startedAt, IReadOnlyList<RawSample> samples, CancellationToken cancellationToken)
    {
        long written = 0;
        for (var offset = 0; offset < samples.Count; offset += BatchSize)
        {
            var writes = samples.Skip(offset).Take(BatchSize).Select((s, i) => new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>
            {
                ["run_id"] = new(runId),
                ["item"] = new(string.Create(CultureInfo.InvariantCulture, $"request#{offset + i:D9}")),
                ["timestamp"] = new(startedAt.AddMilliseconds(s.OffsetMs).ToString("O", CultureInfo.InvariantCulture)),
                ["client_id"] = Number(s.ClientId),
                ["latency_ms"] = new AttributeValue { N = s.LatencyMs.ToString("R", CultureInfo.InvariantCulture) },
                ["bytes"] = Number(s.Bytes),
                ["status_code"] = Number(s.StatusCode),
            }))).ToList();
            var pending = new Dictionary<string, List<WriteRequest>> { [Table] = writes };
            for (var attempt = 0; pending.Count > 0 && pending.Values.Sum(w => w.Count) > 0; attempt++)
            {
                if (attempt == 10)
                {
                    throw new InvalidOperationException($"DynamoDB left {pending.Values.Sum(w => w.Count)} records unprocessed after 10 attempts.");
                }

                var response = await Dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
                pending = response.UnprocessedItems ?? [];
                if (pending.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 << Math.Min(attempt, 5)), time, cancellationToken);
                }
            }

            written += writes.Count;
        }

        return written;
    }

    /// <summary>Counts a run's request records (for tests and the dashboard).</summary>
    public async Task<int> CountRecordsAsync(string runId, CancellationToken cancellationToken)
    {
        var count = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Dynamo.QueryAsync(new QueryRequest
            {
                TableName = Table,
                KeyConditionExpression = "run_id = :run AND begins_with(#item, :prefix)",
                ExpressionAttributeNames = new() { ["#item"] = "item" },
                ExpressionAttributeValues = new() { [":run"] = new(runId), [":prefix"] = new("request#") },
                Select = Select.COUNT,
                ExclusiveStartKey = start,
            }, cancellationToken);
            count += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return count;
    }

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
