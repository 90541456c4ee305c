using System.Globalization;

namespace PerfTesting.Cli.Compare;

/// <summary>
/// How busy the whole machine was between two readings of /proc/stat (Linux): the share of all cores'
/// time not idle. Elsewhere it reads nothing and the report says the figure is unknown.
/// </summary>
internal sealed class MachineCpu
{
    private readonly (long Busy, long Total)? _start = Read();

    /// <summary>The busy share of all cores since this reading began (0 to 1), or null where /proc/stat is missing.</summary>
    public double? BusyShare()
    {
        if (_start is not { } start || Read() is not { } end || end.Total <= start.Total)
        {
            return null;
        }

        return (double)(end.Busy - start.Busy) / (end.Total - start.Total);
    }

    private static (long Busy, long Total)? Read()
    {
        const string stat = "/proc/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal ..." in clock ticks; idle and iowait are not busy.
        var fields = File.ReadLines(stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
