using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Registry.Options;
using StackExchange.Redis;

namespace Registry.Caching;

/// <summary>
/// Generations shared by every instance through Redis. A generation is a random token rather than a
/// counter, so a Redis that restarts empty can never bring back a token an instance still holds entries
/// for. Bumps are also published on a channel so other instances drop their now unreachable local
/// entries at once instead of when they expire. After a lost connection comes back this instance
/// bumps every generation: a bump it could not make while Redis was down (an upload meanwhile) is
/// made up for, at the price of a cold cache after an outage.
/// </summary>
internal sealed class RedisCacheGenerations : ICacheGenerations
{
    private readonly RedisConnection _connection;
    private readonly RedisKey _models;
    private readonly RedisKey _lists;
    private readonly RedisChannel _channel;
    private readonly ILogger<RedisCacheGenerations> _logger;
    private int _subscribed;

    public RedisCacheGenerations(RedisConnection connection, IOptions<RegistryOptions> registry, ILogger<RedisCacheGenerations> logger)
    {
        _connection = connection;
        _logger = logger;
        var prefix = registry.Value.TablePrefix + "cache:";
        _models = prefix + "generation:models";
        _lists = prefix + "generation:lists";
        _channel = RedisChannel.Literal(prefix + "invalidate");
    }

    public event Action<CacheKind>? Invalidated;

    public async ValueTask<CacheGeneration?> ReadAsync(CancellationToken cancellationToken)
    {
        var multiplexer = _connection.Multiplexer;
        EnsureSubscribed(multiplexer);
        if (!multiplexer.IsConnected)
        {
            return null;
        }

        try
        {
            var database = multiplexer.GetDatabase();
            var values = await database.StringGetAsync([_models, _lists]);
            if (values[0].IsNull || values[1].IsNull)
            {
                // First use, or Redis restarted empty: start fresh generations (NX: whoever is first wins).
                await database.StringSetAsync(_models, NewToken(), when: When.NotExists);
                await database.StringSetAsync(_lists, NewToken(), when: When.NotExists);
                values = await database.StringGetAsync([_models, _lists]);
            }

            return new CacheGeneration(values[0].ToString(), values[1].ToString());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask<bool> BumpAsync(CacheKind kind, CancellationToken cancellationToken)
    {
        var multiplexer = _connection.Multiplexer;
        EnsureSubscribed(multiplexer);
        Invalidated?.Invoke(kind);
        try
        {
            await multiplexer.GetDatabase().StringSetAsync(kind == CacheKind.Model ? _models : _lists, NewToken());
            await multiplexer.GetSubscriber().PublishAsync(_channel, kind.ToString());
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _logger.LogWarning("Could not invalidate the shared {Kind} cache in Redis ({Message}); it is invalidated when the connection is back", kind, e.Message);
            return false;
        }
    }

    private void EnsureSubscribed(ConnectionMultiplexer multiplexer)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }

        // Subscriptions are restored by the multiplexer after a reconnect.
        multiplexer.GetSubscriber().Subscribe(_channel, (_, message) =>
        {
            if (Enum.TryParse<CacheKind>(message.ToString(), out var kind))
            {
                Invalidated?.Invoke(kind);
            }
        });
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                _ = BumpAsync(CacheKind.Model, CancellationToken.None).AsTask();
                _ = BumpAsync(CacheKind.List, CancellationToken.None).AsTask();
            }
        };
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
}
