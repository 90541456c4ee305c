using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Registry.Resilience;

namespace Tests.Unit.Registry.Resilience;

/// <summary>What counts towards a service's circuit (and becomes 503), and what is an expected answer.</summary>
public sealed class BackingFailuresTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        { new AmazonServiceException("boom", null, ErrorType.Receiver, "InternalError", "r", HttpStatusCode.InternalServerError), true },
        { new AmazonServiceException("no answer", new HttpRequestException("refused")), true },
        { new AmazonClientException("connection refused"), true },
        { new ConditionalCheckFailedException("lost the race") { StatusCode = HttpStatusCode.BadRequest }, false },
        { new AmazonServiceException("NoSuchKey", null, ErrorType.Sender, "NoSuchKey", "r", HttpStatusCode.NotFound), false },
        { new PostgresException("unique violation", "ERROR", "ERROR", "23505"), false },
        { new PostgresException("terminating connection", "FATAL", "FATAL", "57P01"), true },
        { new PostgresException("connection failure", "FATAL", "FATAL", "08006"), true },
        { new NpgsqlException("Exception while reading from stream", new IOException()), true },
        { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), true },
        { new TimeoutRejectedException(), true },
        { new BrokenCircuitException(), true },
        { new OperationCanceledException(), true }, // the caller's token is not cancelled: a timeout
        { new BackingServiceUnavailableException("s3", TimeSpan.FromSeconds(1), null), false }, // classified by the inner call already
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsFailure_ClassifiesTheException(Exception exception, bool expected) =>
        Assert.Equal(expected, BackingFailures.IsFailure(exception, CancellationToken.None));

    [Fact]
    public void IsFailure_CancellationByTheCaller_IsNotAServiceFailure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(BackingFailures.IsFailure(new OperationCanceledException(cancelled.Token), cancelled.Token));
    }
}
