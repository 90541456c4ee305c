using PerfTesting.Analysis;

namespace Registry.Diagnostics;

/// <summary>
/// The registry's components as the engine's analysers name them: the instrument that times each one
/// and its failures, the one failure counter's measurements tagged with its service, so a failure is
/// blamed on the service it came from (PostgreSQL errors on the PostgreSQL read, not on the first
/// component listed). A run analysed with these breaks the capture down by <see cref="MeterTags"/>.
/// </summary>
internal static class RegistryComponents
{
    /// <summary>The tag keys a capture must break down by for these components' failures (LoadRunnerOptions.MeterTags).</summary>
    public static IReadOnlyList<string> MeterTags { get; } = [RegistryMetrics.ComponentTag];

    public static ComponentInstrument S3Read { get; } = Failing("S3 read", RegistryMetrics.S3Read, Resilience.BackingServiceNames.S3);

    /// <summary>Also carries the pool's failures (a connection not had in time): they are PostgreSQL's.</summary>
    public static ComponentInstrument PostgresRead { get; } = Failing("PostgreSQL read", RegistryMetrics.PostgresRead, Resilience.BackingServiceNames.Postgres);

    public static ComponentInstrument DynamoDbLookup { get; } = Failing("DynamoDB lookup", RegistryMetrics.DynamoDbLookup, Resilience.BackingServiceNames.DynamoDb);

    /// <summary>
    /// Waiting for a pooled PostgreSQL connection. No error counter of its own: a pool that times out is a
    /// PostgreSQL failure, counted under <see cref="PostgresRead"/>'s tag, and listing that tag twice
    /// would make the analyser name both.
    /// </summary>
    public static ComponentInstrument PostgresPoolWait { get; } = new("PostgreSQL pool wait", RegistryMetrics.PostgresPoolWait);

    /// <summary>The components every run of the registry has (the pool wait is added where the pool is the subject).</summary>
    public static IReadOnlyList<ComponentInstrument> Storage { get; } = [S3Read, PostgresRead, DynamoDbLookup];

    private static ComponentInstrument Failing(string component, string instrument, string service) =>
        new(component, instrument, RegistryMetrics.StorageErrors) { ErrorTag = new ComponentTag(RegistryMetrics.ComponentTag, service) };
}
