using System.Globalization;

/// <summary>
/// CPU seconds spent so far by the processes of a phase, read from /proc: the store's emulator
/// (s3rver, found by its port), this benchmark process (the 100 clients) and the whole machine. A
/// phase's cost per gigabyte is the difference of two readings over the bytes it sent, so the
/// registry's CPU per byte can be set against the emulator's and the client's, and the machine's
/// total shows how much of the two cores other work took meanwhile. Zeros where /proc is missing.
/// </summary>
internal sealed class CpuAccount
{
    private static readonly double TicksPerSecond = 100; // USER_HZ; 100 on every Linux this runs on
    private readonly int? _s3rverPid;

    private CpuAccount(int? s3rverPid) => _s3rverPid = s3rverPid;

    /// <summary>The account of the s3rver that listens on <paramref name="s3Port"/>, if one runs on this machine.</summary>
    public static CpuAccount ForS3rver(int s3Port)
    {
        int? found = null;
        if (Directory.Exists("/proc"))
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }

                try
                {
                    var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                    var portAt = Array.IndexOf(args, "-p");
                    if (args.Length > 0 && Path.GetFileName(args[0]) == "node" && args.Any(a => a.Contains("s3rver", StringComparison.Ordinal))
                        && portAt >= 0 && portAt + 1 < args.Length && args[portAt + 1] == s3Port.ToString(CultureInfo.InvariantCulture))
                    {
                        found = pid;
                        break;
                    }
                }
                catch (IOException)
                {
                    // The process ended while we looked.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        return new CpuAccount(found);
    }

    public bool FoundEmulator => _s3rverPid is not null;

    public Reading Read() => new(
        _s3rverPid is { } pid ? ProcessSeconds(pid) : 0,
        Environment.ProcessorCount > 0 ? System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds : 0,
        MachineBusySeconds());

    private static double ProcessSeconds(int pid)
    {
        try
        {
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th, stime 15th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double MachineBusySeconds()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal ...": busy is everything but idle and iowait.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (fields.Take(8).Sum() - fields[3] - fields[4]) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>CPU seconds so far: the emulator's, this process's and the machine's (all processes, both cores).</summary>
    public readonly record struct Reading(double Emulator, double Client, double Machine);
}
