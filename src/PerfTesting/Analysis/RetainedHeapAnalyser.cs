using System.Globalization;

namespace PerfTesting.Analysis;

/// <summary>
/// Whether a run left memory behind: the retained heap (<see cref="RetainedHeap"/>) after the run
/// minus before it, against a limit. A warning when the growth exceeds the limit, else a hint with
/// the figures, including the growth per request so a leak's size can be read off.
/// </summary>
public static class RetainedHeapAnalyser
{
    /// <summary>Compares the retained heap before and after a run of <paramref name="requests"/> requests.</summary>
    /// <param name="beforeBytes">Retained heap before the run.</param>
    /// <param name="afterBytes">Retained heap after the run.</param>
    /// <param name="requests">Requests the run made (for the per-request figure).</param>
    /// <param name="limitBytes">Largest acceptable growth.</param>
    /// <returns>One finding.</returns>
    public static Finding Analyse(long beforeBytes, long afterBytes, long requests, long limitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitBytes);
        var growth = afterBytes - beforeBytes;
        var perRequest = requests > 0 ? (double)growth / requests : 0;
        var evidence = new[]
        {
            Text($"retained heap after a forced full GC: {beforeBytes / 1048576.0:0.##} MiB before, {afterBytes / 1048576.0:0.##} MiB after"),
            Text($"growth {growth / 1048576.0:+0.##;-0.##} MiB over {requests} requests ({perRequest:+0;-0} bytes per request)"),
            Text($"limit: {limitBytes / 1048576.0:0.##} MiB"),
        };
        return growth > limitBytes
            ? new Finding("retained heap", Severity.Warning, Text($"The run left {growth / 1048576.0:0.##} MiB more live memory behind (limit {limitBytes / 1048576.0:0.##} MiB)"), evidence, (double)growth / limitBytes)
            : new Finding("retained heap", Severity.Hint, Text($"Retained heap after the run: {growth / 1048576.0:+0.##;-0.##} MiB (limit {limitBytes / 1048576.0:0.##} MiB)"), evidence, Math.Max(0, (double)growth / limitBytes));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
