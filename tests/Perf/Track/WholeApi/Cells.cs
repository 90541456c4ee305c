using System.Globalization;

namespace Tests.Perf.Track.WholeApi;

/// <summary>How the whole-API tables format their cells: invariant culture, units in the column headings.</summary>
internal static class Cells
{
    public const string None = "–";

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture);

    public static string Us(double microseconds) => microseconds.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString(perSecond < 10 ? "0.##" : "0.#", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => fraction.ToString("0.##%", CultureInfo.InvariantCulture);

    public static string MiB(double mebibytes) => mebibytes.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sentences written one after another, each formatted in the invariant culture.</summary>
    public static string Text(FormattableString first, params FormattableString[] more) =>
        string.Concat(more.Prepend(first).Select(t => t.ToString(CultureInfo.InvariantCulture)));
}
