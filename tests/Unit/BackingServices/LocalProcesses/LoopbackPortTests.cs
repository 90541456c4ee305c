using PerfTesting.BackingServices;
using PerfTesting.BackingServices.LocalProcesses;

namespace Tests.Unit.BackingServices.LocalProcesses;

public sealed class LoopbackPortTests
{
    [Fact]
    public async Task StartOnFreePort_PortTakenMeanwhile_StartsAgainOnAnotherPort()
    {
        var ports = new List<int>();

        var started = await LoopbackPort.StartOnFreePortAsync(port =>
        {
            ports.Add(port);
            return ports.Count == 1
                ? throw new BackingServicesUnavailableException("It stopped before answering: dynalite exited with code 0. Error: listen EADDRINUSE: address already in use 127.0.0.1:42207")
                : Task.FromResult(port);
        });

        Assert.Equal(2, ports.Count);
        Assert.Equal(ports[1], started);
    }

    [Fact]
    public async Task StartOnFreePort_OtherFailure_IsNotRetried()
    {
        var calls = 0;

        await Assert.ThrowsAsync<BackingServicesUnavailableException>(() => LoopbackPort.StartOnFreePortAsync<int>(_ =>
        {
            calls++;
            throw new BackingServicesUnavailableException("It stopped before answering: postgres exited with code 1. FATAL: data directory has wrong ownership");
        }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task StartOnFreePort_PortTakenEveryTime_GivesUpAfterThreeTries()
    {
        var calls = 0;

        await Assert.ThrowsAsync<BackingServicesUnavailableException>(() => LoopbackPort.StartOnFreePortAsync<int>(_ =>
        {
            calls++;
            throw new BackingServicesUnavailableException("redis-server exited: Could not create server TCP listening socket 127.0.0.1:6379: bind: Address already in use");
        }));

        Assert.Equal(3, calls);
    }
}
