using System.Diagnostics;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>Runs a command that is expected to finish (npm ci, initdb, chown) and reports its output on failure.</summary>
internal static class ShortCommand
{
    /// <summary>Runs the command; throws <see cref="BackingServicesUnavailableException"/> with its output if it fails.</summary>
    /// <param name="command">Program and arguments.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="hint">What to do about a failure, appended to the message.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <param name="time">The clock of the time limit.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task RunAsync(
        IReadOnlyList<string> command,
        string workingDirectory,
        string hint,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new BackingServicesUnavailableException($"Could not run '{command[0]}': {e.Message}. {hint}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = new CancellationTokenSource(timeout, time);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new BackingServicesUnavailableException(
                    $"'{string.Join(' ', command)}' did not finish within {timeout.TotalSeconds:0} s. {hint}");
            }

            if (process.ExitCode != 0)
            {
                throw new BackingServicesUnavailableException(
                    $"'{string.Join(' ', command)}' failed with exit code {process.ExitCode}. {hint}\n"
                    + await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
            }
        }
    }
}
