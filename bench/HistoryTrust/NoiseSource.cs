using System.Globalization;
using System.Text.RegularExpressions;

namespace HistoryTrust;

/// <summary>The run-to-run coefficient of variation, read from the measurements committed in docs/.</summary>
internal static partial class NoiseSource
{
    /// <summary>
    /// docs/bench/registry-vs-direct*.txt: each phase (direct, s3, postgres, cached, store-only, per archive
    /// size) ran three times in one file; the CV of its three bytes_per_sec figures, median over phases and files.
    /// </summary>
    public static (double Cv, int Groups, int Files) BenchPhases(string docs)
    {
        var cvs = new List<double>();
        var files = Directory.GetFiles(Path.Combine(docs, "bench"), "registry-vs-direct*.txt");
        foreach (var file in files)
        {
            var groups = new Dictionary<string, List<double>>();
            var size = "";
            foreach (var line in File.ReadLines(file))
            {
                if (SizeLine().Match(line) is { Success: true } s)
                {
                    size = s.Groups[1].Value;
                }
                else if (PhaseLine().Match(line) is { Success: true } p && size.Length > 0)
                {
                    var key = size + "/" + p.Groups[1].Value;
                    (groups.TryGetValue(key, out var list) ? list : groups[key] = []).Add(double.Parse(p.Groups[2].Value, CultureInfo.InvariantCulture));
                }
            }

            cvs.AddRange(groups.Values.Where(v => v.Count >= 2).Select(Cv));
        }

        return (Median(cvs), cvs.Count, files.Length);
    }

    /// <summary>
    /// docs/trust/ab-verdict-trust-run*.txt: the "Unchanged" comparisons (A and B the same server) estimate a
    /// change between two equal runs; the spread of those estimates over 40 comparisons, divided by sqrt(2), is
    /// one run's CV. Pooled over p50 and throughput.
    /// </summary>
    public static (double Cv, int Comparisons) AbUnchanged(string docs)
    {
        var changes = new List<double>();
        foreach (var file in Directory.GetFiles(Path.Combine(docs, "trust"), "ab-verdict-trust-run*.txt"))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Contains(" Unchanged: ", StringComparison.Ordinal)))
            {
                foreach (Match m in Change().Matches(line))
                {
                    changes.Add(double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 100);
                }
            }
        }

        var mean = changes.Average();
        var sd = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (changes.Count - 1));
        return (sd / Math.Sqrt(2), changes.Count / 2);
    }

    private static double Cv(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) / mean;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"^== (\d+) MiB archive, round")]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"^(\S+): bytes_per_sec=(\d+)")]
    private static partial Regex PhaseLine();

    [GeneratedRegex(@"(p50|throughput) ([+-]?\d+\.\d+)% \[")]
    private static partial Regex Change();
}
