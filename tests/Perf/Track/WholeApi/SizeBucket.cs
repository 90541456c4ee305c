using System.Globalization;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// The archive-size buckets of the storage table: &lt; 1 MiB, 1–10 MiB, 10–50 MiB, 50–100 MiB and
/// &gt; 100 MiB. A bucket holds sizes above its lower bound up to and including its upper bound (the
/// first also holds everything below 1 MiB), so 10 MiB exactly is in "1–10 MiB".
/// </summary>
/// <param name="Label">The bucket as written in the table.</param>
/// <param name="AboveBytes">Sizes must be larger than this (the first bucket: at least zero).</param>
/// <param name="UpToBytes">Sizes must be at most this; null for the open last bucket.</param>
internal sealed record SizeBucket(string Label, long AboveBytes, long? UpToBytes)
{
    private const long MiB = 1024 * 1024;

    public static IReadOnlyList<SizeBucket> All { get; } =
    [
        new("< 1 MiB", -1, MiB - 1),
        new("1–10 MiB", MiB - 1, 10 * MiB),
        new("10–50 MiB", 10 * MiB, 50 * MiB),
        new("50–100 MiB", 50 * MiB, 100 * MiB),
        new("> 100 MiB", 100 * MiB, null),
    ];

    public bool Contains(long bytes) => bytes > AboveBytes && (UpToBytes is not { } upTo || bytes <= upTo);

    /// <summary>The bucket an archive of <paramref name="bytes"/> falls in.</summary>
    public static SizeBucket Of(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return All.First(b => b.Contains(bytes));
    }

    /// <summary>A size for a table cell: "512 KiB", "30 MiB", "1.5 MiB".</summary>
    public static string Describe(long bytes) => bytes < MiB
        ? (bytes / 1024.0).ToString("0.##", CultureInfo.InvariantCulture) + " KiB"
        : (bytes / (double)MiB).ToString("0.##", CultureInfo.InvariantCulture) + " MiB";
}
