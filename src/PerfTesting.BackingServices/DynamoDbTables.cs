using Amazon.DynamoDBv2;
using SharedTables = PerfTesting.Aws.DynamoDbTables;

namespace PerfTesting.BackingServices;

/// <summary>
/// Table helpers that hold on every DynamoDB implementation (AWS, LocalStack, dynalite), for tests that
/// create their own tables. The public face of the shared source src/Shared/Aws/DynamoDbTables.cs, which
/// the registry compiles too: one implementation of the emulators' quirks.
/// </summary>
public static class DynamoDbTables
{
    /// <summary>
    /// Waits until the table is ACTIVE. CreateTable returns while the table is still CREATING, and
    /// writes before ACTIVE fail with ResourceNotFoundException on dynalite and on AWS.
    /// </summary>
    /// <param name="dynamo">The client.</param>
    /// <param name="table">The table name.</param>
    /// <param name="time">The clock of the waits and time limits.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static Task WaitUntilActiveAsync(IAmazonDynamoDB dynamo, string table, TimeProvider time, CancellationToken cancellationToken) =>
        SharedTables.WaitUntilActiveAsync(dynamo, table, time, cancellationToken);

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
    public static Task CreateIfMissingAsync(IAmazonDynamoDB dynamo, string table, string hashKey, string rangeKey, TimeProvider time, CancellationToken cancellationToken) =>
        SharedTables.CreateIfMissingAsync(dynamo, table, hashKey, rangeKey, time, cancellationToken);

    /// <summary>Deletes a table and waits until it is gone (DynamoDB deletes asynchronously); a missing table is fine.</summary>
    /// <param name="dynamo">The client.</param>
    /// <param name="table">The table's name.</param>
    /// <param name="time">The clock of the waits and time limits.</param>
    /// <param name="cancellationToken">Stops the wait (which also gives up after 60 s).</param>
    public static Task DeleteAsync(IAmazonDynamoDB dynamo, string table, TimeProvider time, CancellationToken cancellationToken) =>
        SharedTables.DeleteAsync(dynamo, table, time, cancellationToken);
}
