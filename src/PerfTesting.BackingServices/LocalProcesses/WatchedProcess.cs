using System.Diagnostics;
using System.Text;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>
/// A child process started under a small bash watchdog that kills it, and deletes its temporary
/// directory, as soon as this .NET process is gone: on dispose, on Ctrl-C, and also when the test
/// host is killed outright, when no .NET code gets to run. That is what keeps a half-way aborted
/// test run from leaving s3rver, dynalite or postgres behind. The watchdog also heals: a child that
/// dies after it has answered its readiness probe (<see cref="MarkReady"/>) is started again with the same command (the same port and data
/// directory), so a crashed emulator or database comes back with its data and clients reconnect.
/// </summary>
internal sealed class WatchedProcess : IAsyncDisposable
{
    // $1 parent pid, $2 directory to delete afterwards ('' for none), $3 signal that stops the child
    // gracefully, rest: the command. Polling with `kill -0` works whatever killed the parent.
    // Until the parent writes "ready" on the watchdog's stdin (its readiness probe has seen the child
    // answer), a child that dies has failed to start: the watchdog exits, so readiness reports it at
    // once. After that, a child that dies is restarted every second, up to 300 times (PostgreSQL
    // refuses to start until the backends of a killed postmaster are gone, which takes a moment).
    // Readiness, not time alive, is the line: a rule of "2 s alive" left a service killed 1-2 s
    // after it first answered (a fast test on an idle machine) without a watchdog, its data deleted.
    // One byte is the signal: bash reads a pipe a byte at a time, and a line read whose timeout fell
    // between two bytes (a preempted watchdog on a busy machine) lost the signal, so a service killed
    // later was not restarted. `read -t` ends with a status above 128 on its timeout and at once (1)
    // at end of input, when the parent has gone; then the loop sleeps instead. A background child reads /dev/null, not
    // this stdin. A stopped (SIGSTOP) child is alive for `kill -0` and is left alone.
    private const string WatchdogScript = """
        parent=$1; cleanup=$2; stopsig=$3; shift 3
        "$@" &
        child=$!
        ready=0; restarts=0
        stop() {
          trap '' TERM INT HUP
          kill -s "$stopsig" "$child" 2>/dev/null
          for _ in $(seq 1 100); do kill -0 "$child" 2>/dev/null || break; sleep 0.05; done
          kill -s KILL "$child" 2>/dev/null
          wait "$child" 2>/dev/null
          [ -n "$cleanup" ] && rm -rf "$cleanup"
          exit 0
        }
        trap stop TERM INT HUP
        while kill -0 "$parent" 2>/dev/null; do
          if ! kill -0 "$child" 2>/dev/null; then
            wait "$child" 2>/dev/null
            if [ "$ready" = 0 ] || [ "$restarts" -ge 300 ]; then break; fi
            echo "watchdog: $1 ended; starting it again (restart $((restarts + 1)))" >&2
            sleep 1 & wait $!
            "$@" &
            child=$!; restarts=$((restarts + 1))
          fi
          if [ "$ready" = 0 ]; then
            read -r -n 1 -t 0.2 _; status=$?
            if [ "$status" = 0 ]; then
              ready=1
            elif [ "$status" -le 128 ]; then
              sleep 0.2 & wait $!
            fi
          else
            sleep 0.2 & wait $!
          fi
        done
        stop
        """;

    private const int OutputLinesKept = 40;

    private readonly Process _watchdog;
    private readonly Queue<string> _output = new();
    private readonly string _name;
    private readonly TimeProvider _time;

    private WatchedProcess(string name, Process watchdog, TimeProvider time)
    {
        _name = name;
        _watchdog = watchdog;
        _time = time;
    }

    /// <summary>True once the child (and so its watchdog) has ended.</summary>
    public bool HasExited => _watchdog.HasExited;

    /// <summary>Starts <paramref name="command"/> under the watchdog.</summary>
    /// <param name="name">A short name for messages.</param>
    /// <param name="command">The program and its arguments.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="cleanupDirectory">A directory deleted after the child ends, or null.</param>
    /// <param name="stopSignal">The signal that asks the child to stop (postgres wants INT for a fast shutdown).</param>
    /// <param name="time">The clock of the wait for the clean-up when it is stopped.</param>
    public static WatchedProcess Start(
        string name,
        IReadOnlyList<string> command,
        string workingDirectory,
        string? cleanupDirectory,
        TimeProvider time,
        string stopSignal = "TERM")
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(WatchdogScript);
        info.ArgumentList.Add("watchdog");
        info.ArgumentList.Add(System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(cleanupDirectory ?? string.Empty);
        info.ArgumentList.Add(stopSignal);
        foreach (var part in command)
        {
            info.ArgumentList.Add(part);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var watched = new WatchedProcess(name, process, time);
        process.OutputDataReceived += (_, e) => watched.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => watched.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return watched;
    }

    /// <summary>
    /// Tells the watchdog that the child has answered its readiness probe: from now on a child that
    /// dies is restarted (same command, port and data) instead of being reported as a failed start.
    /// </summary>
    /// <exception cref="BackingServicesUnavailableException">The watchdog has already ended (the child died).</exception>
    public void MarkReady()
    {
        try
        {
            _watchdog.StandardInput.WriteLine("ready");
            _watchdog.StandardInput.Flush();
        }
        catch (IOException e)
        {
            throw new BackingServicesUnavailableException($"It stopped right after answering: {Describe()}", e);
        }
    }

    /// <summary>The last lines the process printed, for error messages.</summary>
    public string RecentOutput()
    {
        lock (_output)
        {
            var text = new StringBuilder();
            foreach (var line in _output)
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }

    /// <summary>Describes the process for an error message.</summary>
    public string Describe()
    {
        if (!HasExited)
        {
            return $"{_name} is still running. Its last output:\n{RecentOutput()}";
        }

        // Returns at once for an ended process, after its last output lines have been read (they may
        // say why, such as the port being taken, which LoopbackPort.StartOnFreePortAsync looks for).
        _watchdog.WaitForExit();
        return $"{_name} exited with code {_watchdog.ExitCode}. Its last output:\n{RecentOutput()}";
    }

    /// <summary>Stops the child through its watchdog and waits for the clean-up to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_watchdog.HasExited)
        {
            // SIGTERM to the watchdog runs its stop(): graceful signal, bounded wait, SIGKILL, rm -rf.
            using var kill = Process.Start("kill", ["-TERM", _watchdog.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15), _time);
            try
            {
                await _watchdog.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _watchdog.Kill(entireProcessTree: true);
            }
        }

        _watchdog.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }
}
