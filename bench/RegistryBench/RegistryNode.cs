using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using PerfTesting.BackingServices;


/// <summary>
/// One registry as its own process (dotnet Registry.dll, as deployed) on the benchmark's backing
/// services with its own bucket, tables and database, so that its allocations and CPU are its own.
/// </summary>
internal sealed class RegistryNode : IAsyncDisposable
{
    public const string Token = "bench-admin-token-0123456789abcdef";

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private RegistryNode(Process process, Uri baseAddress, IsolatedNames names)
    {
        _process = process;
        BaseAddress = baseAddress;
        Names = names;
    }

    public Uri BaseAddress { get; }

    public IsolatedNames Names { get; }

    public static async Task<RegistryNode> StartAsync(string registryDll, BackingServiceEndpoints endpoints, string name, IReadOnlyDictionary<string, string> performance)
    {
        var names = IsolatedNames.For("bench-" + name);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { registryDll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(registryDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = info.Environment;
        // The endpoints as the registry's configuration, as a deployment gives them (see Registry.AppHost RegistrySettings).
        environment["BackingServices__Postgres"] = endpoints.PostgresConnectionString;
        environment["BackingServices__Emulator"] = endpoints.S3.IsEmulator ? "True" : "False";
        environment["BackingServices__Region"] = endpoints.S3.Region;
        environment["BackingServices__S3Url"] = endpoints.S3.ServiceUrl?.ToString();
        environment["BackingServices__DynamoDbUrl"] = endpoints.DynamoDb.ServiceUrl?.ToString();
        environment["BackingServices__AccessKey"] = endpoints.S3.Credentials?.AccessKey;
        environment["BackingServices__SecretKey"] = endpoints.S3.Credentials?.SecretKey;
        environment["Registry__Bucket"] = names.Bucket;
        environment["Registry__TablePrefix"] = names.TablePrefix;
        environment["Registry__Database"] = names.Database;
        environment["REGISTRY_ADMIN_TOKEN"] = Token;
        environment["REGISTRY_READER_TOKEN"] = Token + "-reader";
        environment["DOTNET_ENVIRONMENT"] = environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in performance)
        {
            environment[$"Performance__{key}"] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new RegistryNode(process, new Uri($"http://127.0.0.1:{port}/"), names);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilHealthyAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>The registry process's own account of what it has spent so far (GET /health/components).</summary>
    public async Task<(long AllocatedBytes, double CpuSeconds)> ReadCostAsync()
    {
        using var client = Client();
        var health = await client.GetFromJsonAsync<JsonElement>("health/components");
        var process = health.GetProperty("components").GetProperty("process");
        return (process.GetProperty("allocated_bytes").GetInt64(), process.GetProperty("cpu_seconds").GetDouble());
    }

    public async Task<long> ReadCacheFillsAsync()
    {
        using var client = Client();
        var health = await client.GetFromJsonAsync<JsonElement>("health/components");
        return health.GetProperty("components").GetProperty("archive_cache").GetProperty("fills").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(limit.Token);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 90;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The registry exited with {_process.ExitCode}:\n{string.Join('\n', _lastLines)}");
            }

            try
            {
                using var response = await http.GetAsync("health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The registry did not become healthy in 90 s:\n{string.Join('\n', _lastLines)}");
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
}
