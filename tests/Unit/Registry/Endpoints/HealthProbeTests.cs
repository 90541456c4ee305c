using Microsoft.Extensions.Time.Testing;
using Registry.Endpoints;

namespace Tests.Unit.Registry.Endpoints;

/// <summary>The health probe's time limit and latency, on a fake clock: nothing really waits.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task ProbeAsync_AnswerAfterFortyMilliseconds_IsOkWithThatLatency()
    {
        var time = new FakeTimeProvider();
        var answer = new TaskCompletionSource();

        var probe = HealthApi.ProbeAsync(_ => answer.Task, time, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMilliseconds(40));
        answer.SetResult();
        var status = await probe;

        Assert.Equal("ok", status.Status);
        Assert.Equal(40, status.LatencyMs);
        Assert.Null(status.Error);
    }

    [Fact]
    public async Task ProbeAsync_NoAnswerWithinTheTimeLimit_IsDownAfterExactlyTheLimit()
    {
        var time = new FakeTimeProvider();

        var probe = HealthApi.ProbeAsync(ct => Task.Delay(Timeout.InfiniteTimeSpan, time, ct), time, TestContext.Current.CancellationToken);
        time.Advance(HealthApi.ProbeTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(probe.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var status = await probe;

        Assert.Equal("down", status.Status);
        Assert.Equal(HealthApi.ProbeTimeout.TotalMilliseconds, status.LatencyMs);
        Assert.StartsWith("TaskCanceledException", status.Error, StringComparison.Ordinal);
    }
}
