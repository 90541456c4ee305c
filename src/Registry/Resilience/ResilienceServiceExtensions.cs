using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Registry.Options;

namespace Registry.Resilience;

/// <summary>Registers one Polly pipeline per backing service: a circuit breaker around a timeout.</summary>
internal static class ResilienceServiceExtensions
{
    public static IServiceCollection AddBackingServiceResilience(this IServiceCollection services)
    {
        services.AddOptions<ResilienceOptions>().BindConfiguration(ResilienceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Telemetry enrichment: Polly's resilience events carry the error type and request metadata.
        services.AddResilienceEnricher();
        foreach (var name in BackingServiceNames.All)
        {
            services.AddResiliencePipeline(name, (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ResilienceOptions>>().Value;
                builder
                    .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                    {
                        Name = name + "-breaker",
                        FailureRatio = options.BreakerFailureRatio,
                        MinimumThroughput = options.BreakerMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                        BreakDuration = options.BreakDuration,
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && BackingFailures.IsFailure(e, args.Context.CancellationToken)),
                    })
                    .AddTimeout(new TimeoutStrategyOptions
                    {
                        Name = name + "-timeout",
                        Timeout = options.CallTimeout,
                        TimeoutGenerator = args => ValueTask.FromResult(
                            args.Context.Properties.TryGetValue(BackingService.TimeoutKey, out var own) ? own : options.CallTimeout),
                    });
            });
        }

        services.AddSingleton<BackingServiceGuards>();
        return services;
    }
}
