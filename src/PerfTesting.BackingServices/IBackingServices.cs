namespace PerfTesting.BackingServices;

/// <summary>
/// Running S3, DynamoDB and PostgreSQL endpoints. Disposing stops and deletes whatever the provider
/// started (processes, containers, temporary directories); external endpoints are left alone.
/// </summary>
public interface IBackingServices : IAsyncDisposable
{
    /// <summary>How to reach the services.</summary>
    BackingServiceEndpoints Endpoints { get; }
}
