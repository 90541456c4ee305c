using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Registry.Resilience;

/// <summary>
/// Which exceptions mean "the service is failing" (count towards its circuit and become 503) and which
/// are answers the registry expects (a conditional write that lost, a missing key, a constraint).
/// </summary>
internal static class BackingFailures
{
    public static bool IsFailure(Exception exception, CancellationToken caller) => exception switch
    {
        BackingServiceUnavailableException => false, // already classified by an inner call
        BrokenCircuitException or TimeoutRejectedException => true,
        OperationCanceledException => !caller.IsCancellationRequested, // a timeout, not the client going away
        AmazonServiceException service => service.StatusCode == 0 || (int)service.StatusCode >= 500 || service.StatusCode == HttpStatusCode.RequestTimeout
            || service.InnerException is HttpRequestException or IOException or SocketException or OperationCanceledException,
        AmazonClientException => true,
        PostgresException postgres => IsServerSideFailure(postgres.SqlState),
        NpgsqlException => true, // network, connect, timeout
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    // Connection exceptions (08), operator intervention: shutdown, cancel by timeout (57), out of
    // resources (53), lock or statement timeouts (55P03, 57014).
    private static bool IsServerSideFailure(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("57", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal) || sqlState == "55P03";
}
