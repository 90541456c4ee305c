using System.Globalization;

namespace PerfTesting.Reporting.Exporters;

/// <summary>Number formatting shared by the exporters: invariant culture, units spelled out.</summary>
public static class ReportFormat
{
    /// <summary>Milliseconds with precision that suits the magnitude: 0.123 ms, 12.3 ms, 1234 ms.</summary>
    /// <param name="value">Milliseconds.</param>
    public static string Ms(double value) => Number(value, value < 1 ? "0.000" : value < 100 ? "0.0#" : "0") + " ms";

    /// <summary>A rate per second: 12.3/s, 1234/s.</summary>
    /// <param name="value">Per second.</param>
    public static string Rate(double value) => Number(value, value < 100 ? "0.0#" : "0") + "/s";

    /// <summary>Bytes per second in MB/s (10^6).</summary>
    /// <param name="bytesPerSecond">Bytes per second.</param>
    public static string MegabytesPerSecond(double bytesPerSecond) => Number(bytesPerSecond / 1e6, "0.0#") + " MB/s";

    /// <summary>A share as a percentage: 0.0123 -> 1.23%.</summary>
    /// <param name="share">A share between 0 and 1.</param>
    public static string Percent(double share) => Number(share * 100, "0.0#") + "%";

    /// <summary>A whole count with thousands separators: 12,345.</summary>
    /// <param name="count">The count.</param>
    public static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Any number with a .NET format string, invariant.</summary>
    /// <param name="value">The number.</param>
    /// <param name="format">The format.</param>
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
