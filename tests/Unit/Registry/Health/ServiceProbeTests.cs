using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Registry.Health;
using Registry.Options;
using Registry.Resilience;

namespace Tests.Unit.Registry.Health;

/// <summary>
/// A health probe against a service that answers slower than the probe timeout (2 s) but within the
/// call timeout (5 s), as a loaded machine's emulators do: the registry's own pipeline (its default
/// options, built by its DI registration) on a fake clock, so nothing really waits.
/// </summary>
public sealed class ServiceProbeTests
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(new ResilienceOptions().HealthProbeTimeoutSeconds);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(new ResilienceOptions().HealthProbeIntervalSeconds);
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(3); // between the probe timeout and the call timeout

    [Fact]
    public async Task ProbesOfASlowButWorkingService_ReportTimeouts_AndNeverOpenTheBreakerUsersGoThrough()
    {
        var ct = TestContext.Current.CancellationToken;
        var (service, time) = CreateSut();
        var calls = new List<Task>();
        var probe = new ServiceProbe(c => Record(calls, service.CallAsync(inner => Task.Delay(Answer, time, inner), c)), ProbeTimeout, time);

        // The fresh instance of SharedCacheTests: two user calls, then the probe rounds of its first seconds.
        await UserCallAsync(service, ct);
        await UserCallAsync(service, ct);
        for (var round = 0; round < 4; round++)
        {
            var report = probe.RunAsync(ct);
            time.Advance(ProbeTimeout);
            var result = await report.WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.Equal(("down", "timeout"), (result.Status, result.ErrorKind));
            time.Advance(Answer - ProbeTimeout);
            await calls[^1].WaitAsync(TimeSpan.FromSeconds(30), ct); // the call itself succeeded
            time.Advance(ProbeInterval - Answer);
        }

        Assert.Equal(4, calls.Count);
        Assert.True(await UserCallAsync(service, ct), "a user call was refused by an open circuit");
    }

    [Fact]
    public async Task TheOldProbe_WithItsOwnTimeoutInsideThePipeline_OpensTheBreakerOfAWorkingService()
    {
        // What the probe did before ServiceProbe: the same sequence, the 2 s bound passed into the pipeline.
        var ct = TestContext.Current.CancellationToken;
        var (service, time) = CreateSut();
        await UserCallAsync(service, ct);
        await UserCallAsync(service, ct);
        for (var round = 0; round < 2; round++)
        {
            var probe = service.CallAsync(inner => Task.Delay(Answer, time, inner), ct, ProbeTimeout);
            time.Advance(ProbeTimeout);
            await Assert.ThrowsAsync<BackingServiceUnavailableException>(() => probe.WaitAsync(TimeSpan.FromSeconds(30), ct));
            time.Advance(ProbeInterval - ProbeTimeout);
        }

        Assert.False(await UserCallAsync(service, ct), "two timed-out probes of four calls did not open the circuit");
    }

    [Fact]
    public async Task ACallStillInFlight_IsReportedAsATimeout_WithoutStartingAnother()
    {
        var ct = TestContext.Current.CancellationToken;
        var (service, time) = CreateSut();
        var calls = new List<Task>();
        var never = new TaskCompletionSource();
        var probe = new ServiceProbe(c => Record(calls, service.CallAsync(_ => never.Task, c)), ProbeTimeout, time);

        var first = probe.RunAsync(ct);
        time.Advance(ProbeTimeout);
        Assert.Equal("timeout", (await first.WaitAsync(TimeSpan.FromSeconds(30), ct)).ErrorKind);
        var second = await probe.RunAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(("down", "timeout"), (second.Status, second.ErrorKind));
        _ = Assert.Single(calls);
        never.SetResult();
    }

    [Fact]
    public async Task AServiceThatRefuses_IsReportedUnreachable()
    {
        var ct = TestContext.Current.CancellationToken;
        var (service, time) = CreateSut();
        var probe = new ServiceProbe(c => service.CallAsync(_ => Task.FromException(new IOException("connection refused")), c), ProbeTimeout, time);

        var result = await probe.RunAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(("down", "unreachable"), (result.Status, result.ErrorKind));
    }

    private static Task Record(List<Task> calls, Task call)
    {
        calls.Add(call);
        return call;
    }

    // True when the call ran, false when the open circuit refused it.
    private static async Task<bool> UserCallAsync(BackingService service, CancellationToken ct)
    {
        try
        {
            await service.CallAsync(_ => Task.CompletedTask, ct);
            return true;
        }
        catch (BackingServiceUnavailableException e) when (e.InnerException is BrokenCircuitException)
        {
            return false;
        }
    }

    private static (BackingService Service, FakeTimeProvider Time) CreateSut()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddMetrics();
        services.AddBackingServiceResilience();
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<BackingServiceGuards>().DynamoDb, time);
    }
}
