using Polly;
using Polly.CircuitBreaker;

namespace Registry.Resilience;

/// <summary>
/// One backing service's resilience pipeline (a circuit breaker around a per-call timeout). Every
/// call the registry makes to the service goes through <see cref="CallAsync{T}"/>, which bounds it
/// and turns a failure into <see cref="BackingServiceUnavailableException"/>.
/// </summary>
internal sealed class BackingService(string name, ResiliencePipeline pipeline, TimeSpan breakDuration)
{
    /// <summary>The key under which a call passes its own timeout (uploads get one that grows with their size).</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> TimeoutKey = new("registry.call-timeout");

    public string Name { get; } = name;

    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (timeout is { } t)
        {
            context.Properties.Set(TimeoutKey, t);
        }

        try
        {
            return await pipeline.ExecuteAsync(static async (ctx, state) => await state(ctx.CancellationToken), context, call);
        }
        catch (Exception e) when (BackingFailures.IsFailure(e, cancellationToken))
        {
            throw new BackingServiceUnavailableException(Name, e is BrokenCircuitException { RetryAfter: { } left } ? left : breakDuration, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public Task CallAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        CallAsync(async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken, timeout);
}
