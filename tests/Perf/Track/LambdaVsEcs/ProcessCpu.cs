using System.Globalization;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>A process's CPU time (user + system) from /proc/&lt;pid&gt;/stat, as the kernel accounts it.</summary>
internal static class ProcessCpu
{
    /// <summary>The kernel's USER_HZ, the unit of utime and stime: 100 on every Linux ABI .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public static double Seconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        // There field 3 (state) is index 0, so utime (field 14) is index 11 and stime (field 15) index 12.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }
}
