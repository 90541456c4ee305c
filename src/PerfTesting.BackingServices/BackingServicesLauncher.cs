using PerfTesting.BackingServices.Containers;
using PerfTesting.BackingServices.External;
using PerfTesting.BackingServices.LocalProcesses;

namespace PerfTesting.BackingServices;

/// <summary>
/// Starts the backing services a test asks for (<see cref="BackingService"/>; every one when it does not say)
/// with the provider chosen thus: an explicit
/// <c>PERF_SERVICES=containers|local|external</c> wins; otherwise containers where a Docker engine
/// answers, else local processes. A provider that was asked for and cannot start fails loudly.
/// </summary>
public static class BackingServicesLauncher
{
    /// <summary>The environment variable that picks the provider.</summary>
    public const string SelectionVariable = "PERF_SERVICES";

    /// <summary>Parses a <c>PERF_SERVICES</c> value; null or empty means "choose automatically".</summary>
    /// <param name="value">The setting.</param>
    /// <returns>The provider, or null for automatic choice.</returns>
    public static BackingServiceKind? ParseSelection(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "containers" or "container" or "docker" => BackingServiceKind.Containers,
        "local" or "processes" or "local-processes" => BackingServiceKind.LocalProcesses,
        "external" => BackingServiceKind.External,
        _ => throw new BackingServicesUnavailableException(
            $"{SelectionVariable}={value} is not one of containers, local, external (or unset for automatic choice)."),
    };

    /// <summary>Decides which provider to use.</summary>
    /// <param name="requested">The explicit choice, or null.</param>
    /// <param name="dockerAnswers">Whether a Docker engine answers.</param>
    /// <returns>The provider.</returns>
    public static async Task<BackingServiceKind> ChooseAsync(BackingServiceKind? requested, Func<Task<bool>> dockerAnswers)
    {
        ArgumentNullException.ThrowIfNull(dockerAnswers);
        if (requested is { } kind)
        {
            return kind;
        }

        return await dockerAnswers().ConfigureAwait(false) ? BackingServiceKind.Containers : BackingServiceKind.LocalProcesses;
    }

    /// <summary>Starts every service with the provider the environment asks for.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services; dispose them to stop them.</returns>
    public static Task<IBackingServices> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(BackingService.All, cancellationToken);

    /// <summary>Starts only <paramref name="services"/> with the provider the environment asks for.</summary>
    /// <param name="services">What the test needs, e.g. <c>BackingService.Postgres</c>.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services; dispose them to stop them.</returns>
    public static async Task<IBackingServices> StartAsync(BackingService services, CancellationToken cancellationToken = default)
    {
        var requested = ParseSelection(System.Environment.GetEnvironmentVariable(SelectionVariable));
        var kind = await ChooseAsync(requested, () => DockerEngineProbe.AnswersAsync(cancellationToken)).ConfigureAwait(false);
        return await StartAsync(kind, services, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts every service with the given provider.</summary>
    /// <param name="kind">The provider.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services; dispose them to stop them.</returns>
    public static Task<IBackingServices> StartAsync(BackingServiceKind kind, CancellationToken cancellationToken = default) =>
        StartAsync(kind, BackingService.All, cancellationToken);

    /// <summary>Starts only <paramref name="services"/> with the given provider.</summary>
    /// <param name="kind">The provider.</param>
    /// <param name="services">What the test needs.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services; dispose them to stop them.</returns>
    public static async Task<IBackingServices> StartAsync(BackingServiceKind kind, BackingService services, CancellationToken cancellationToken = default) => kind switch
    {
        BackingServiceKind.Containers => await ContainerBackingServices.StartAsync(services, cancellationToken).ConfigureAwait(false),
        BackingServiceKind.LocalProcesses => await LocalProcessBackingServices.StartAsync(services, TimeProvider.System, cancellationToken).ConfigureAwait(false),
        BackingServiceKind.External => ExternalBackingServices.FromEnvironment(services),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown provider"),
    };
}
