using Microsoft.Extensions.Options;
using Registry.Options;
using StackExchange.Redis;

namespace Registry.Caching;

/// <summary>
/// The one Redis connection of an instance, shared by the HybridCache's second level and the
/// generations. Timeouts are short and a failed connect does not abort: while Redis is down the
/// registry answers from the store, and the multiplexer reconnects in the background.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<BackingServiceOptions> endpoints, IOptions<PerformanceOptions> performance, ILogger<RedisConnection> logger)
    {
        var timeout = performance.Value.RedisTimeoutMs;
        var options = ConfigurationOptions.Parse(endpoints.Value.Redis ?? throw new InvalidOperationException("BackingServices:Redis is not set."));
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = timeout;
        options.SyncTimeout = timeout;
        options.AsyncTimeout = timeout;
        options.ConnectRetry = 1;
        // Try again every half second: with the default exponential back-off a Redis that is back
        // after a minute's outage would be used only many seconds later.
        options.ReconnectRetryPolicy = new LinearRetry(500);
        options.ClientName = "acme-registry";
        _multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var multiplexer = ConnectionMultiplexer.Connect(options);
            multiplexer.ConnectionFailed += (_, e) => logger.LogWarning("Redis connection lost ({FailureType}): the registry answers from the store until it is back", e.FailureType);
            multiplexer.ConnectionRestored += (_, _) => logger.LogInformation("Redis connection restored: the shared cache is used again");
            if (!multiplexer.IsConnected)
            {
                logger.LogWarning("Redis at {Endpoint} does not answer: the registry answers from the store until it does", endpoints.Value.Redis);
            }

            return multiplexer;
        });
    }

    /// <summary>The multiplexer, connected on first use (it may be disconnected: check IsConnected).</summary>
    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
