using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Registry.Diagnostics;

namespace Registry.Hosting;

/// <summary>
/// The SDK's DynamoDB client with <see cref="DynamoDbOperationTimer"/> at the top of its pipeline, so
/// every operation is timed by the registry's own instrument whoever issues it. The SDK's documented
/// extension point for this is <see cref="AmazonServiceClient.CustomizeRuntimePipeline"/>; a per-client
/// override keeps two registries in one process (tests) on their own meters.
/// </summary>
internal sealed class InstrumentedDynamoDbClient : AmazonDynamoDBClient
{
    private readonly DynamoDbOperationTimer _timer;
    private RuntimePipeline? _pipeline;

    public InstrumentedDynamoDbClient(AWSCredentials credentials, AmazonDynamoDBConfig config, DynamoDbOperationTimer timer)
        : base(credentials, config)
    {
        _timer = timer;
        _pipeline?.AddHandler(_timer);
    }

    public InstrumentedDynamoDbClient(AmazonDynamoDBConfig config, DynamoDbOperationTimer timer)
        : base(config)
    {
        _timer = timer;
        _pipeline?.AddHandler(_timer);
    }

    // The SDK builds the pipeline inside the base constructor, before _timer is assigned: the pipeline
    // is kept and the timer added by the constructor. Should a later SDK build it lazily, the timer is
    // already there and is added here.
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        if (_timer is null)
        {
            _pipeline = pipeline;
        }
        else
        {
            pipeline.AddHandler(_timer);
        }
    }
}
