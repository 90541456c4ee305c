using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PerfTesting.Baselines;

namespace PerfTesting.Cli.Compare;

/// <summary>
/// One side's service: published in Release from its own tree and started as its own process on a free
/// loopback port (or started by the user's --start command), ready when its health path answers 2xx.
/// Dispose stops it (the whole process tree).
/// </summary>
internal sealed class ServiceSide : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private TimeSpan _cpuAtMark;

    private ServiceSide(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>"A" or "B".</summary>
    public string Name { get; }

    /// <summary>Where the service listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The service's last output lines, for error messages.</summary>
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

    /// <summary>Publishes the app in Release from <paramref name="tree"/> into <paramref name="output"/>.</summary>
    /// <returns>The published entry assembly.</returns>
    public static async Task<string> PublishAsync(string name, string tree, string app, string output, TextWriter log, CancellationToken cancellationToken)
    {
        var project = GitSides.In(tree, app);
        if (!File.Exists(project))
        {
            throw new CompareFailedException($"side {name}: {app} does not exist in that commit ({tree})");
        }

        var (exit, tail) = await ChildProcess.RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"], tree, log, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new CompareFailedException($"side {name}: dotnet publish {app} -c Release failed (exit {exit}):\n{tail}");
        }

        var dll = System.IO.Path.Combine(output, System.IO.Path.GetFileNameWithoutExtension(app) + ".dll");
        if (!File.Exists(dll))
        {
            throw new CompareFailedException($"side {name}: the publish wrote no {System.IO.Path.GetFileName(dll)} (is its AssemblyName changed? use --start)");
        }

        EnsureOptimized(name, app, dll);
        return dll;
    }

    /// <summary>Refuses an entry assembly whose JIT optimizer is disabled: a project can turn it off even in Release (<c>&lt;Optimize&gt;false&lt;/Optimize&gt;</c>), and its timings would be the unoptimized code's.</summary>
    /// <exception cref="CompareFailedException">The assembly is a Debug build.</exception>
    public static void EnsureOptimized(string name, string app, string dll)
    {
        if (BuildConfiguration.OfFile(dll) != BuildConfiguration.Release)
        {
            throw new CompareFailedException($"side {name}: {System.IO.Path.GetFileName(dll)} was built with the JIT optimizer disabled (a Debug build, although published with -c Release: does {app} set <Optimize>false</Optimize>?); perftest compare compares optimized builds only");
        }
    }

    /// <summary>Starts a published app (<c>dotnet APP.dll</c>) or the user's command, and waits until it is ready.</summary>
    public static async Task<ServiceSide> StartAsync(string name, string tree, string? dll, string? startCommand, string health, TextWriter log, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var start = dll is not null
            ? new ProcessStartInfo("dotnet") { ArgumentList = { dll }, WorkingDirectory = System.IO.Path.GetDirectoryName(dll)! }
            : new ProcessStartInfo("bash") { ArgumentList = { "-c", startCommand!.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) }, WorkingDirectory = tree };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new CompareFailedException($"side {name}: the service did not start");
        var side = new ServiceSide(name, process, new Uri(url + "/"));
        process.OutputDataReceived += (_, e) => side.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => side.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await side.WaitReadyAsync(health, cancellationToken).ConfigureAwait(false);
            log.WriteLine($"side {name}: ready at {url} (pid {process.Id})");
            return side;
        }
        catch
        {
            await side.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts counting CPU time from now.</summary>
    public void MarkCpu() => _cpuAtMark = Cpu();

    /// <summary>CPU time the service used since <see cref="MarkCpu"/>.</summary>
    public TimeSpan CpuSinceMark() => Cpu() - _cpuAtMark;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private TimeSpan Cpu()
    {
        try
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
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
            if (_lastLines.Count > 30)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private async Task WaitReadyAsync(string health, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = new Uri(BaseAddress, health.TrimStart('/'));
        var deadline = Stopwatch.GetTimestamp();
        string last = "no answer yet";
        while (Stopwatch.GetElapsedTime(deadline) < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new CompareFailedException($"side {Name}: the service exited with code {_process.ExitCode} before it was ready; its last output:\n{LastLines}");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }

            // Polling a process we started: a short pause between attempts, bounded by the deadline.
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        throw new CompareFailedException($"side {Name}: {url} did not answer 2xx within {ReadyTimeout.TotalSeconds:0} s (last: {last}); use --health PATH if the service's readiness path is another. Its last output:\n{LastLines}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
