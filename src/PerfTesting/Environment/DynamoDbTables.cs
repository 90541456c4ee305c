using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace PerfTesting.Environment;

/// <summary>Table helpers that hold on every DynamoDB implementation (AWS, LocalStack, dynalite).</summary>
public static class DynamoDbTables
{
    /// <summary>
    /// Waits until the table is ACTIVE. CreateTable returns while the table is still CREATING, and
    /// writes before ACTIVE fail with ResourceNotFoundException on dynalite and on AWS.
    /// </summary>
    /// <param name="dynamo">The client.</param>
    /// <param name="table">The table name.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task WaitUntilActiveAsync(IAmazonDynamoDB dynamo, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
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

            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token).ConfigureAwait(false);
        }
    }
}
