using System.Text.Json;
using Registry.Performance;

namespace Tests.Unit.Registry;

public sealed class WorkloadPlanTests
{
    [Fact]
    public void Defaults_AreTheSeeds()
    {
        var request = JsonSerializer.Deserialize<WorkloadRequest>("{}", WorkloadJson.Strict)!;

        Assert.True(WorkloadPlan.TryCreate(request, out var plan, out _));
        Assert.Equal(100, plan!.Clients);
        Assert.Equal("arnir0/Tiny-LLM", plan.Model.ModelId);
        Assert.Equal(TimeSpan.FromSeconds(300), plan.Duration);
        Assert.Null(plan.RequestsPerClient);
    }

    [Theory]
    [InlineData("""{"num_clients": 0}""", "num_clients")]
    [InlineData("""{"num_clients": 1001}""", "num_clients")]
    [InlineData("""{"duration_seconds": 3601}""", "duration_seconds")]
    [InlineData("""{"requests_per_client": -1}""", "requests_per_client")]
    [InlineData("""{"artifact_id": "x"}""", "artifact_id")]
    [InlineData("""{"model_id": "nope"}""", "owner/name")]
    public void OutOfRange_IsRefusedNamingTheField(string json, string field)
    {
        var request = JsonSerializer.Deserialize<WorkloadRequest>(json, WorkloadJson.Strict)!;

        Assert.False(WorkloadPlan.TryCreate(request, out _, out var error));
        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"url": "http://example.com"}""")]
    [InlineData("""{"num_clients": "100"}""")]
    [InlineData("""{"num_clients": 1e2}""")]
    [InlineData("""{"num_clients": 100 /* comment */}""")]
    public void UnknownFieldsAndWrongTypes_DoNotDeserialize(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<WorkloadRequest>(json, WorkloadJson.Strict));
    }
}
