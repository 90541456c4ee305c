using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Registry.Options;

/// <summary>
/// <c>redis_cache_enabled</c> needs <c>BackingServices:Redis</c>, and that must parse: checked at startup,
/// not at the first request. Whether Redis answers is not checked: the registry starts and serves
/// from the store without it.
/// </summary>
internal sealed class RedisEndpointValidation(IOptions<PerformanceOptions> performance) : IValidateOptions<BackingServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, BackingServiceOptions options)
    {
        if (!performance.Value.RedisCacheEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            return ValidateOptionsResult.Fail(
                "Performance:redis_cache_enabled needs BackingServices:Redis (or PERF_REDIS), such as 127.0.0.1:6379. `dotnet run --project src/Registry.AppHost` starts one.");
        }

        try
        {
            _ = ConfigurationOptions.Parse(options.Redis);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"BackingServices:Redis='{options.Redis}' is not a Redis configuration string: {e.Message}");
        }
    }
}
