using PerfTesting.Analysis;

namespace Registry.Diagnostics;

/// <summary>
/// The registry's components as the engine's analysers name them: the instrument that times each one
/// and the counter of that one's failures. Each component has its own service's error counter, so a
/// failure is blamed on the service it came from (PostgreSQL errors on the PostgreSQL read, not on the
/// first component listed).
/// </summary>
internal static class RegistryComponents
{
    public static ComponentInstrument S3Read { get; } = new("S3 read", RegistryMetrics.S3Read, RegistryMetrics.S3Errors);

    /// <summary>Also carries the pool's failures (a connection not had in time): they are PostgreSQL's.</summary>
    public static ComponentInstrument PostgresRead { get; } = new("PostgreSQL read", RegistryMetrics.PostgresRead, RegistryMetrics.PostgresErrors);

    public static ComponentInstrument DynamoDbLookup { get; } = new("DynamoDB lookup", RegistryMetrics.DynamoDbLookup, RegistryMetrics.DynamoDbErrors);

    /// <summary>
    /// Waiting for a pooled PostgreSQL connection. No error counter of its own: a pool that times out is a
    /// PostgreSQL failure, counted on <see cref="PostgresRead"/>'s counter, and listing that counter twice
    /// would make the analyser name both.
    /// </summary>
    public static ComponentInstrument PostgresPoolWait { get; } = new("PostgreSQL pool wait", RegistryMetrics.PostgresPoolWait);

    /// <summary>The components every run of the registry has (the pool wait is added where the pool is the subject).</summary>
    public static IReadOnlyList<ComponentInstrument> Storage { get; } = [S3Read, PostgresRead, DynamoDbLookup];
}
