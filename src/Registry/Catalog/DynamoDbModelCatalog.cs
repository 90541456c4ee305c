using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using PerfTesting.Aws;
using Registry.Diagnostics;
using Registry.Hosting;
using Registry.Models;
using Registry.Options;

namespace Registry.Catalog;

/// <summary>
/// The catalog in one DynamoDB table. Every model shares the partition key <c>model</c> and sorts by
/// <c>owner/name/version</c>, so a Query pages in a stable order and a cursor is just the last key.
/// One partition is fine for thousands of models; beyond that, shard the partition key by owner.
/// </summary>
internal sealed class DynamoDbModelCatalog(BackingServiceClients clients, IOptions<RegistryOptions> options, RegistryMetrics metrics, TimeProvider time) : IModelCatalog
{
    private IAmazonDynamoDB Dynamo => clients.DynamoDb;

    private const string Partition = "model";

    private string Table => options.Value.TablePrefix + "models";

    public async Task<ModelRecord?> GetAsync(ModelKey key, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var response = await Dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new() { ["pk"] = new AttributeValue(Partition), ["sk"] = new AttributeValue(key.CatalogKey) },
            ConsistentRead = true,
        }, cancellationToken);
        metrics.RecordCatalogLookup(time.GetElapsedTime(started), "get");
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    public async Task<(bool Added, ModelRecord Stored)> TryAddAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await Dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = Table,
                Item = ToItem(record),
                ConditionExpression = "attribute_not_exists(sk)",
            }, cancellationToken);
            return (true, record);
        }
        catch (ConditionalCheckFailedException)
        {
            var stored = await GetAsync(record.Key, cancellationToken)
                ?? throw new InvalidOperationException($"{record.Key} was reported as existing but cannot be read.");
            return (false, stored);
        }
    }

    public async Task<bool> RemoveAsync(ModelKey key, CancellationToken cancellationToken)
    {
        var response = await Dynamo.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = Table,
            Key = new() { ["pk"] = new AttributeValue(Partition), ["sk"] = new AttributeValue(key.CatalogKey) },
            ReturnValues = ReturnValue.ALL_OLD,
        }, cancellationToken);
        return response.Attributes is { Count: > 0 };
    }

    public async Task<ModelPage> ListAsync(int limit, ModelKey? after, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var response = await Dynamo.QueryAsync(new QueryRequest
        {
            TableName = Table,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue(Partition) },
            ExclusiveStartKey = after is null ? null : new() { ["pk"] = new AttributeValue(Partition), ["sk"] = new AttributeValue(after.CatalogKey) },
            Limit = limit,
            ConsistentRead = true,
        }, cancellationToken);
        metrics.RecordCatalogLookup(time.GetElapsedTime(started), "list");
        var items = (response.Items ?? []).Select(FromItem).ToList();
        var next = response.LastEvaluatedKey is { Count: > 0 } last && items.Count == limit ? last["sk"].S : null;
        return new ModelPage(items, next);
    }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        DynamoDbTables.CreateIfMissingAsync(Dynamo, Table, "pk", "sk", time, cancellationToken);

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        // Items are deleted page by page instead of dropping the table: a request served meanwhile
        // sees fewer models, never a missing table, and a reset cut short leaves a smaller catalog
        // whose every record still has its archive (the stores are emptied after the catalog).
        await EnsureCreatedAsync(cancellationToken);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Dynamo.QueryAsync(new QueryRequest
            {
                TableName = Table,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue(Partition) },
                ProjectionExpression = "pk, sk",
                ExclusiveStartKey = start,
                Limit = 100,
                ConsistentRead = true,
            }, cancellationToken);
            foreach (var batch in (page.Items ?? []).Chunk(25))
            {
                var pending = new Dictionary<string, List<WriteRequest>>
                {
                    [Table] = batch.Select(item => new WriteRequest(new DeleteRequest(item))).ToList(),
                };
                for (var attempt = 0; pending.Count > 0; attempt++)
                {
                    if (attempt > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), time, cancellationToken); // DynamoDB's advice for unprocessed items
                    }

                    var written = await Dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
                    pending = written.UnprocessedItems is { Count: > 0 } left ? left : [];
                }
            }

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
    }

    public void Invalidate()
    {
    }

    private static Dictionary<string, AttributeValue> ToItem(ModelRecord record)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new(Partition),
            ["sk"] = new(record.Key.CatalogKey),
            ["created_at"] = new(record.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
        };
        if (record.Metadata.Count > 0)
        {
            item["metadata"] = new AttributeValue { M = record.Metadata.ToDictionary(p => p.Key, p => new AttributeValue(p.Value)) };
        }

        if (record.Archive is { } archive)
        {
            item["storage_key"] = new(archive.StorageKey);
            item["size_bytes"] = new AttributeValue { N = archive.SizeBytes.ToString(CultureInfo.InvariantCulture) };
            item["sha256"] = new(archive.Sha256);
            item["backend"] = new(archive.Backend);
        }

        return item;
    }

    private static ModelRecord FromItem(Dictionary<string, AttributeValue> item)
    {
        var archive = item.TryGetValue("storage_key", out var storageKey)
            ? new ArchiveInfo(storageKey.S, long.Parse(item["size_bytes"].N, CultureInfo.InvariantCulture), item["sha256"].S, item["backend"].S)
            : null;
        var metadata = item.TryGetValue("metadata", out var map) && map.M is { } m
            ? m.ToDictionary(p => p.Key, p => p.Value.S)
            : new Dictionary<string, string>();
        return new ModelRecord(
            ModelKey.FromCatalogKey(item["sk"].S),
            archive,
            metadata,
            DateTimeOffset.Parse(item["created_at"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
