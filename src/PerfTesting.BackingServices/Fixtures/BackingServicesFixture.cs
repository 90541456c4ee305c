using PerfTesting.BackingServices.Containers;

namespace PerfTesting.BackingServices.Fixtures;

/// <summary>
/// One set of backing services per test assembly and provider, started on first use and stopped when
/// the assembly's tests are done. Register it with
/// <c>[assembly: AssemblyFixture(typeof(BackingServicesFixture))]</c> and take it in a constructor.
/// </summary>
public sealed class BackingServicesFixture : IAsyncDisposable
{
    private readonly Dictionary<(BackingServiceKind Kind, BackingService Services), Task<IBackingServices>> _started = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// The services the environment asks for (PERF_SERVICES, else containers where Docker answers,
    /// else local processes).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the start itself goes on for later callers.</param>
    public Task<IBackingServices> GetDefaultAsync(CancellationToken cancellationToken) =>
        GetDefaultAsync(BackingService.All, cancellationToken);

    /// <summary>
    /// Only <paramref name="services"/>, from the provider the environment asks for: a test class that needs
    /// PostgreSQL asks for <c>BackingService.Postgres</c> and nothing else starts for it. Each distinct set is
    /// started once per assembly.
    /// </summary>
    /// <param name="services">What the test needs.</param>
    /// <param name="cancellationToken">Stops waiting; the start itself goes on for later callers.</param>
    public async Task<IBackingServices> GetDefaultAsync(BackingService services, CancellationToken cancellationToken)
    {
        var requested = BackingServicesLauncher.ParseSelection(System.Environment.GetEnvironmentVariable(BackingServicesLauncher.SelectionVariable));
        var kind = await BackingServicesLauncher.ChooseAsync(requested, () => DockerEngineProbe.AnswersAsync(cancellationToken)).ConfigureAwait(false);
        return await GetAsync(kind, services, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every service of one provider, started once for the whole assembly.</summary>
    /// <param name="kind">The provider.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<IBackingServices> GetAsync(BackingServiceKind kind, CancellationToken cancellationToken) =>
        GetAsync(kind, BackingService.All, cancellationToken);

    /// <summary>Only <paramref name="services"/> of one provider, started once for the whole assembly.</summary>
    /// <param name="kind">The provider.</param>
    /// <param name="services">What the test needs.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<IBackingServices> GetAsync(BackingServiceKind kind, BackingService services, CancellationToken cancellationToken)
    {
        Task<IBackingServices> start;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started.TryGetValue((kind, services), out start!) || start.IsFaulted || start.IsCanceled)
            {
                // Started without the caller's token: other test classes share the same start.
                start = BackingServicesLauncher.StartAsync(kind, services, CancellationToken.None);
                _started[(kind, services)] = start;
            }
        }
        finally
        {
            _gate.Release();
        }

        return await start.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops every provider this fixture started.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var start in _started.Values)
        {
            if (start.IsCompletedSuccessfully)
            {
                await start.Result.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                try
                {
                    await (await start.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
                }
                catch (BackingServicesUnavailableException)
                {
                    // It never started, so there is nothing to stop; its failure was reported to the test that asked.
                }
            }
        }

        _gate.Dispose();
    }
}
