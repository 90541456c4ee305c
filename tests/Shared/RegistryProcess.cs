using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using PerfTesting.BackingServices;
using Registry.AppHost;
namespace Tests.Shared;

/// <summary>
/// The registry as its own process (<c>dotnet Registry.dll</c>, as deployed) on the given backing
/// services, so that its memory can be read apart from the test host's: under WebApplicationFactory
/// the client's and every other test's allocations would share one process. The performance
/// comparison of two builds starts one per build, each from its own published Registry.dll.
/// </summary>
internal sealed class RegistryProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private Task _exited = Task.CompletedTask;

    private RegistryProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The operating system's id of the registry process, for reading its /proc files.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The process has ended (on its own, or after <see cref="DisposeAsync"/>); asking reaps it, so its id is not reused while this says false.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Completes when the process has ended. The wait is begun once, when the process starts, so it can be
    /// awaited after <see cref="DisposeAsync"/> too (the Lambda pool retires, and so disposes, a crashed
    /// instance as soon as it sees it, possibly before the test that killed it waits for the end).
    /// </summary>
    public Task WaitForExitAsync(CancellationToken ct) => _exited.WaitAsync(ct);

    /// <summary>The process's peak resident set so far (Linux VmHWM), in bytes; throws once the process has ended (see <see cref="HasExited"/>).</summary>
    public long PeakResidentBytes => StatusKilobytes("VmHWM:") * 1024;

    /// <summary>What the process last printed, for failure messages.</summary>
    public string LastLines
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    public static Task<RegistryProcess> StartAsync(BackingServiceEndpoints endpoints, IsolatedNames names, string backend, CancellationToken ct) =>
        StartAsync(Path.Combine(AppContext.BaseDirectory, "Registry.dll"), endpoints, names, backend, ct);

    /// <summary>As above, with extra configuration (keys such as <c>Performance:presigned_urls_enabled</c>), given as environment variables.</summary>
    public static Task<RegistryProcess> StartAsync(BackingServiceEndpoints endpoints, IsolatedNames names, string backend, IReadOnlyDictionary<string, string?> settings, CancellationToken ct) =>
        StartAsync(Path.Combine(AppContext.BaseDirectory, "Registry.dll"), endpoints, names, backend, settings, ct);

    /// <summary>Starts the registry in <paramref name="registryDll"/> (a build of any commit that takes its endpoints from configuration).</summary>
    public static Task<RegistryProcess> StartAsync(string registryDll, BackingServiceEndpoints endpoints, IsolatedNames names, string backend, CancellationToken ct) =>
        StartAsync(registryDll, endpoints, names, backend, new Dictionary<string, string?>(), ct);

    private static async Task<RegistryProcess> StartAsync(
        string registryDll, BackingServiceEndpoints endpoints, IsolatedNames names, string backend, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { registryDll, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = info.Environment;
        // The fixture's endpoints as the registry's configuration (BackingServices__S3Url, ...), as a
        // deployment would give them.
        foreach (var (key, value) in RegistrySettings.For(endpoints))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        environment["Registry__Bucket"] = names.Bucket;
        environment["Registry__TablePrefix"] = names.TablePrefix;
        environment["Registry__Database"] = names.Database;
        environment["Performance__storage_backend"] = backend;
        environment["REGISTRY_ADMIN_TOKEN"] = RegistryApp.AdminToken;
        environment["REGISTRY_READER_TOKEN"] = RegistryApp.ReaderToken;
        environment["DOTNET_ENVIRONMENT"] = environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var registry = new RegistryProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => registry.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => registry.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        registry._exited = process.WaitForExitAsync(CancellationToken.None);
        try
        {
            await registry.WaitUntilHealthyAsync(ct);
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }

        return registry;
    }

    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryApp.AdminToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _exited.WaitAsync(limit.Token);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The registry exited with {_process.ExitCode}:\n{LastLines}");
            }

            try
            {
                using var response = await http.GetAsync("health", limit.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The registry did not become healthy in 90 s:\n{LastLines}");
            }

            // 50 ms: the Lambda-versus-ECS runs time cold starts to the first byte, which this poll delays.
            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private long StatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
