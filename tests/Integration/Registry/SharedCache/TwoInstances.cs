using System.Diagnostics;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using PerfTesting.BackingServices.LocalProcesses;
using Tests.Integration.BackingServices;
using Tests.Shared;

namespace Tests.Integration.Registry.SharedCache;

/// <summary>
/// The arrange step of the two-instance tests: registry instances <see cref="A"/> and <see cref="B"/> on
/// Kestrel with the shared cache on, on one provider's backing services (the test is skipped where the
/// machine cannot run it) and one Redis, with the test's own bucket, tables and database. Disposing
/// stops both instances, then the Redis if it was started for them.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private readonly RedisEndpoint _redis;

    private TwoInstances(RedisEndpoint redis, RegistryApp a, RegistryApp b)
    {
        _redis = redis;
        A = a;
        B = b;
    }

    public RegistryApp A { get; }

    public RegistryApp B { get; }

    /// <summary>Starts both instances, and a local redis-server when the provider has no Redis; skips the test where <paramref name="kind"/> cannot run.</summary>
    /// <param name="fixture">The assembly's backing services.</param>
    /// <param name="kind">The provider.</param>
    /// <param name="owner">The test's name, for its isolated resource names.</param>
    /// <param name="ct">Stops waiting.</param>
    public static async Task<TwoInstances> StartAsync(BackingServicesFixture fixture, BackingServiceKind kind, string owner, CancellationToken ct)
    {
        var services = await fixture.GetIfAvailableAsync(kind, ct);
        var redis = await RedisFor(services, ct);
        RegistryApp? a = null;
        try
        {
            var names = IsolatedNames.For(owner);
            a = StartInstance(services, names, redis.Endpoint);
            return new TwoInstances(redis, a, StartInstance(services, names, redis.Endpoint));
        }
        catch
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>One registry instance with the shared cache on, on <paramref name="redis"/>.</summary>
    public static RegistryApp StartInstance(IBackingServices services, IsolatedNames names, string redis)
    {
        var app = new RegistryApp(services.Endpoints, names, new Dictionary<string, string?>
        {
            ["Performance:redis_cache_enabled"] = "true",
            ["BackingServices:Redis"] = redis,
        });
        app.StartServer();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _redis.DisposeAsync();
    }

    /// <summary>The provider's Redis, or (external endpoints without PERF_REDIS) a local redis-server.</summary>
    private static async Task<RedisEndpoint> RedisFor(IBackingServices services, CancellationToken ct) =>
        services.Endpoints.Redis is { } shared
            ? new RedisEndpoint(shared, null)
            : await LocalRedis.StartAsync(cancellationToken: ct) is var local ? new RedisEndpoint(local.Endpoint, local) : throw new UnreachableException();

    private sealed record RedisEndpoint(string Endpoint, LocalRedis? Owned) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Owned?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
