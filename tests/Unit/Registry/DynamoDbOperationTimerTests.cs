using System.Diagnostics.Metrics;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Registry.Diagnostics;
using Registry.Options;
using RegistryClients = Registry.Hosting.RegistryAwsClients;

namespace Tests.Unit.Registry;

/// <summary>
/// The registry's DynamoDB client times every operation on its own instrument, tagged with the
/// operation's name and origin. The call goes to a loopback port nobody listens on, so it fails at
/// once: failed calls are recorded too, and nothing leaves the machine.
/// </summary>
public sealed class DynamoDbOperationTimerTests
{
    [Theory]
    [InlineData(typeof(GetItemRequest), "GetItem")]
    [InlineData(typeof(BatchWriteItemRequest), "BatchWriteItem")]
    [InlineData(typeof(ListTablesRequest), "ListTables")]
    public void OperationName_IsTheRequestTypeWithoutRequest(Type request, string expected) =>
        Assert.Equal(expected, DynamoDbOperationTimer.OperationName((Amazon.Runtime.AmazonWebServiceRequest)Activator.CreateInstance(request)!));

    [Fact]
    public void OperationName_WithoutARequest_IsUnknown() => Assert.Equal("Unknown", DynamoDbOperationTimer.OperationName(null));

    [Fact]
    public async Task InstrumentedClient_RecordsEveryCall_WithOperationAndOrigin()
    {
        var ct = TestContext.Current.CancellationToken;
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var metrics = new RegistryMetrics(factory);
        var recorded = new List<(string Operation, string Origin)>();
        using var listener = Listen(recorded, factory);
        var options = new BackingServiceOptions { DynamoDbUrl = new Uri("http://127.0.0.1:9"), AccessKey = "a", SecretKey = "b" };
        using var dynamo = RegistryClients.CreateDynamoDbClient(options, config => config.MaxErrorRetry = 0, new DynamoDbOperationTimer(metrics, TimeProvider.System));

        await Assert.ThrowsAnyAsync<Exception>(() => dynamo.GetItemAsync(new GetItemRequest { TableName = "t", Key = new() { ["pk"] = new AttributeValue("x") } }, ct));
        await Assert.ThrowsAnyAsync<Exception>(() => InBackgroundAsync(() => dynamo.ListTablesAsync(new ListTablesRequest(), ct)));

        lock (recorded)
        {
            Assert.Equal([("GetItem", DynamoDbOperationTimer.RequestOrigin), ("ListTables", "timer")], recorded);
        }
    }

    private static async Task InBackgroundAsync(Func<Task> call)
    {
        DynamoDbOperationTimer.AttributeTo("timer");
        await call();
    }

    // Only this test's meter (its scope is this test's factory): other tests' registries may be recording meanwhile.
    private static MeterListener Listen(List<(string, string)> recorded, IMeterFactory factory)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == RegistryMetrics.DynamoDbOperation && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            string? operation = null, origin = null;
            foreach (var tag in tags)
            {
                operation = tag.Key == "operation" ? tag.Value as string : operation;
                origin = tag.Key == "origin" ? tag.Value as string : origin;
            }

            lock (recorded)
            {
                recorded.Add((operation!, origin!));
            }
        });
        listener.Start();
        return listener;
    }
}
