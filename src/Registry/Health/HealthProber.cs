using Microsoft.Extensions.Options;
using Registry.Diagnostics;
using Registry.Hosting;
using Registry.Options;
using Registry.Resilience;
using Registry.Storage;

namespace Registry.Health;

/// <summary>
/// Probes every backing service (and the extra components) in the background on an interval, each
/// probe bounded by its timeout, so /health/components answers at once from the latest results
/// whatever the services do, and costs them nothing per call. The probes go through each service's
/// circuit breaker with a user call's timeout (<see cref="ServiceProbe"/>): once a break is over, a
/// probe is the trial call that closes the circuit again, so the registry recovers even when no user
/// request arrives; a probe that only outlasts its own shorter timeout counts as nothing worse than the
/// user call it stands for.
/// </summary>
internal sealed class HealthProber(
    ArchiveStores stores,
    BackingServiceClients clients,
    BackingServiceGuards guards,
    IEnumerable<IHealthComponent> extra,
    IOptions<ResilienceOptions> options,
    TimeProvider time,
    ILogger<HealthProber> logger) : BackgroundService
{
    /// <summary>The <c>origin</c> tag of the DynamoDB calls the probes make (ListTables, the performance component's Scan).</summary>
    public const string HealthProbeOrigin = "health-probe";

    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ServiceProbe _s3 = new(ct => stores.Named(BackingServiceNames.S3).PingAsync(ct), TimeSpan.FromSeconds(options.Value.HealthProbeTimeoutSeconds), time);
    private readonly ServiceProbe _postgres = new(ct => stores.Named(BackingServiceNames.Postgres).PingAsync(ct), TimeSpan.FromSeconds(options.Value.HealthProbeTimeoutSeconds), time);
    private readonly ServiceProbe _dynamo = new(
        ct => guards.DynamoDb.CallAsync(c => clients.DynamoDb.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest { Limit = 1 }, c), ct),
        TimeSpan.FromSeconds(options.Value.HealthProbeTimeoutSeconds),
        time);
    private volatile IReadOnlyDictionary<string, ComponentProbe> _backing = BackingServiceNames.All.ToDictionary(n => n, _ => ComponentProbe.Unknown);

    /// <summary>The latest probe of each backing service.</summary>
    public IReadOnlyDictionary<string, ComponentProbe> BackingServices => _backing;

    /// <summary>The extra components (performance): described per request from memory and their last refresh.</summary>
    public IEnumerable<IHealthComponent> Extra => extra;

    /// <summary>Waits (bounded) for the first round after start, so the first caller does not see "unknown".</summary>
    public async Task WaitForFirstRoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _firstRound.Task.WaitAsync(TimeSpan.FromSeconds(options.Value.HealthProbeTimeoutSeconds + 1), time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Serve what there is: "unknown" until the first round completes.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DynamoDbOperationTimer.AttributeTo(HealthProbeOrigin);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HealthProbeIntervalSeconds), time);
        do
        {
            await ProbeAllAsync(stoppingToken);
            _firstRound.TrySetResult();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
        var probeTimeout = TimeSpan.FromSeconds(options.Value.HealthProbeTimeoutSeconds);
        var s3 = _s3.RunAsync(cancellationToken);
        var postgres = _postgres.RunAsync(cancellationToken);
        var dynamo = _dynamo.RunAsync(cancellationToken);
        var refreshed = extra.Select(async component =>
        {
            try
            {
                await component.RefreshAsync(cancellationToken).WaitAsync(probeTimeout, time, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug(e, "Health component {Component} did not refresh within the probe timeout", component.Name);
            }
        }).ToList();

        _backing = new Dictionary<string, ComponentProbe>
        {
            [BackingServiceNames.S3] = await s3,
            [BackingServiceNames.Postgres] = await postgres,
            [BackingServiceNames.DynamoDb] = await dynamo,
        };
        await Task.WhenAll(refreshed);
    }
}
