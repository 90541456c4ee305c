using System.Globalization;
using System.Text.RegularExpressions;
using PerfTesting.Assertions;

namespace PerfTesting.Cli.Merge;

/// <summary>
/// SLA lines written on the command line: "p99&lt;250ms", "p50&lt;0.5s", "error-rate&lt;1%",
/// "throughput&gt;100" (requests per second), "dropped&lt;0.1%".
/// </summary>
public static partial class SlaText
{
    /// <summary>Parses the lines into one SLA.</summary>
    /// <param name="lines">The lines.</param>
    /// <exception cref="ArgumentException">A line is none of the forms; the message shows them.</exception>
    public static SlaDefinition Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sla = Sla.Define();
        foreach (var line in lines)
        {
            var match = Line().Match(line.Replace(" ", string.Empty, StringComparison.Ordinal));
            if (!match.Success)
            {
                throw new ArgumentException($"SLA '{line}' is not one of: p99<250ms, p50<0.5s, error-rate<1%, throughput>100, dropped<0.1%.");
            }

            var value = double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var unit = match.Groups["unit"].Value;
            var metric = match.Groups["metric"].Value.ToLowerInvariant();
            var op = match.Groups["op"].Value;
            sla = (metric, op, unit) switch
            {
                (['p', ..], "<", "ms" or "s") => sla.LatencyPercentile(
                    double.Parse(metric[1..], NumberStyles.Float, CultureInfo.InvariantCulture),
                    unit == "s" ? TimeSpan.FromSeconds(value) : TimeSpan.FromMilliseconds(value)),
                ("error-rate", "<", "%" or "") => sla.ErrorRate(unit == "%" ? value / 100 : value),
                ("dropped", "<", "%" or "") => sla.DroppedRate(unit == "%" ? value / 100 : value),
                ("throughput", ">", "" or "/s") => sla.Throughput(value),
                _ => throw new ArgumentException($"SLA '{line}' is not one of: p99<250ms, p50<0.5s, error-rate<1%, throughput>100, dropped<0.1%."),
            };
        }

        return sla.Build();
    }

    [GeneratedRegex(@"^(?<metric>p\d+(\.\d+)?|error-rate|throughput|dropped)(?<op>[<>])(?<value>\d+(\.\d+)?)(?<unit>ms|s|%|/s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
