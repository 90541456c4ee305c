using Microsoft.Extensions.Options;
using Polly.Registry;
using Registry.Options;

namespace Registry.Resilience;

/// <summary>The three backing services' pipelines, built once from <see cref="ResilienceOptions"/>.</summary>
internal sealed class BackingServiceGuards(ResiliencePipelineProvider<string> pipelines, IOptions<ResilienceOptions> options)
{
    public BackingService S3 { get; } = Create(BackingServiceNames.S3, pipelines, options.Value);

    public BackingService DynamoDb { get; } = Create(BackingServiceNames.DynamoDb, pipelines, options.Value);

    public BackingService Postgres { get; } = Create(BackingServiceNames.Postgres, pipelines, options.Value);

    public BackingService Named(string name) => name switch
    {
        BackingServiceNames.S3 => S3,
        BackingServiceNames.DynamoDb => DynamoDb,
        BackingServiceNames.Postgres => Postgres,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a backing service."),
    };

    private static BackingService Create(string name, ResiliencePipelineProvider<string> pipelines, ResilienceOptions options) =>
        new(name, pipelines.GetPipeline(name), options.BreakDuration);
}
