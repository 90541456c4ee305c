using System.Diagnostics;
using System.Text;

namespace PerfTesting.Cli.Compare;

/// <summary>Runs a program to completion, its output echoed to a log and its last lines kept for error messages.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/>.</summary>
    /// <returns>The exit code and the output's last lines.</returns>
    public static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory, TextWriter log,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var tail = new Queue<string>();
        var sync = new object();
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (sync)
            {
                log.WriteLine(line);
                tail.Enqueue(line);
                if (tail.Count > 40)
                {
                    tail.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (sync)
        {
            return (process.ExitCode, new StringBuilder().AppendJoin('\n', tail).ToString());
        }
    }
}
