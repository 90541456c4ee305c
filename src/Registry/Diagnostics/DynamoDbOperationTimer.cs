using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Registry.Diagnostics;

/// <summary>
/// The outermost handler of the DynamoDB client's pipeline: times every call the registry makes
/// (marshalling, signing, the HTTP exchange and the SDK's retries included, as the caller waits for it)
/// and records it on <see cref="RegistryMetrics.DynamoDbOperation"/> tagged with the operation's name
/// (GetItem, PutItem, Query, BatchWriteItem, ...) and with its origin (a request, or a background timer
/// that said so with <see cref="AttributeTo"/>). Failed calls are recorded too, so a slow failure is
/// not hidden. One place for every caller: the catalog, the performance-run store and table set-up.
/// </summary>
internal sealed class DynamoDbOperationTimer(RegistryMetrics metrics, TimeProvider time) : PipelineHandler
{
    /// <summary>The <c>origin</c> of calls made for a request (the default).</summary>
    public const string RequestOrigin = "request";

    private static readonly AsyncLocal<string?> Origin = new();

    /// <summary>
    /// Attributes the calls of the current asynchronous flow (and what it starts) to <paramref name="origin"/>
    /// instead of a request, so that per-request counts are not inflated by timers such as the health probes.
    /// Set inside the background method; it ends with that flow.
    /// </summary>
    public static void AttributeTo(string origin) => Origin.Value = origin;

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var started = time.GetTimestamp();
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        finally
        {
            metrics.RecordDynamoDbOperation(time.GetElapsedTime(started), OperationName(executionContext.RequestContext.OriginalRequest), Origin.Value ?? RequestOrigin);
        }
    }

    public override void InvokeSync(IExecutionContext executionContext)
    {
        var started = time.GetTimestamp();
        try
        {
            base.InvokeSync(executionContext);
        }
        finally
        {
            metrics.RecordDynamoDbOperation(time.GetElapsedTime(started), OperationName(executionContext.RequestContext.OriginalRequest), Origin.Value ?? RequestOrigin);
        }
    }

    /// <summary>"GetItemRequest" → "GetItem": the operation's name as in the DynamoDB API reference.</summary>
    internal static string OperationName(AmazonWebServiceRequest? request)
    {
        var name = request?.GetType().Name ?? "Unknown";
        return name.EndsWith("Request", StringComparison.Ordinal) && name.Length > "Request".Length ? name[..^"Request".Length] : name;
    }
}
