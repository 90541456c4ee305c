using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace PerfTesting.Aws;

/// <summary>
/// Table creation, readiness and deletion that hold on every DynamoDB implementation (AWS, LocalStack,
/// dynalite): shared source like <see cref="AwsClients"/>, compiled internal into the registry and the
/// backing services (PerfTesting.BackingServices.DynamoDbTables is its public face), so the registry
/// references no test infrastructure and the quirks live in one place.
/// </summary>
internal static class DynamoDbTables
{
    /// <summary>
    /// Waits until the table is ACTIVE. CreateTable returns while the table is still CREATING, and
    /// writes before ACTIVE fail with ResourceNotFoundException on dynalite and on AWS.
    /// </summary>
    /// <param name="dynamo">The client.</param>
    /// <param name="table">The table name.</param>
    /// <param name="time">The clock of the waits and time limits.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task WaitUntilActiveAsync(IAmazonDynamoDB dynamo, string table, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2), time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            try
            {
                var description = await dynamo.DescribeTableAsync(table, limit.Token).ConfigureAwait(false);
                if (description.Table.TableStatus == TableStatus.ACTIVE)
                {
                    return;
                }
            }
            catch (ResourceNotFoundException)
            {
                // Not visible yet right after CreateTable on some implementations.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, limit.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Creates a pay-per-request table with a string hash key and a string range key unless it exists
    /// (an existing table keeps its items), then waits until it is ACTIVE.
    /// </summary>
    /// <param name="dynamo">The client.</param>
    /// <param name="table">The table's name.</param>
    /// <param name="hashKey">Name of the string partition key.</param>
    /// <param name="rangeKey">Name of the string sort key.</param>
    /// <param name="time">The clock of the waits and time limits.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task CreateIfMissingAsync(IAmazonDynamoDB dynamo, string table, string hashKey, string rangeKey, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        try
        {
            await dynamo.CreateTableAsync(new CreateTableRequest
            {
                TableName = table,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new(hashKey, ScalarAttributeType.S), new(rangeKey, ScalarAttributeType.S)],
                KeySchema = [new(hashKey, KeyType.HASH), new(rangeKey, KeyType.RANGE)],
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Created earlier: keep its contents.
        }

        await WaitUntilActiveAsync(dynamo, table, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a table and waits until it is gone (DynamoDB deletes asynchronously); a missing table is fine.</summary>
    /// <param name="dynamo">The client.</param>
    /// <param name="table">The table's name.</param>
    /// <param name="time">The clock of the waits and time limits.</param>
    /// <param name="cancellationToken">Stops the wait (which also gives up after 60 s).</param>
    public static async Task DeleteAsync(IAmazonDynamoDB dynamo, string table, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        try
        {
            await dynamo.DeleteTableAsync(table, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceNotFoundException)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60), time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            try
            {
                await dynamo.DescribeTableAsync(table, timeout.Token).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, timeout.Token).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                return;
            }
        }
    }
}
