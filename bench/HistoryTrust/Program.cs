using System.Diagnostics;
using System.Globalization;
using HistoryTrust;
using PerfTesting.History.ChangePoints;

// bench/history-trust.sh: HistoryTrust DOCS_DIR [--seed N] [--detector edivisive|edpelt|both] [--cv X] [--outliers R]
var docs = args.Length > 0 ? args[0] : "docs";
var seed = Option("--seed", 1);
var detectorName = Option("--detector", "edivisive");
var outlierRate = Option("--outliers", 0.02);
var pValue = Option("--pvalue", EDivisiveOptions.DefaultMaxPValue);
var minimumSegment = Option("--min-segment", EDivisiveOptions.DefaultMinimumSegment);
var bench = NoiseSource.BenchPhases(docs);
var ab = NoiseSource.AbUnchanged(docs);
var cv = Option("--cv", double.NaN);
var source = "given with --cv";
if (double.IsNaN(cv))
{
    cv = ab.Cv;
    source = "docs/trust/ab-verdict-trust-run*.txt";
}

Print($"# noise: docs/bench/registry-vs-direct*.txt, median CV of a phase's 3 rounds: {bench.Cv:P2} ({bench.Groups} phases in {bench.Files} files, 5 s phases on the shared 2-core machine)");
Print($"# noise: docs/trust/ab-verdict-trust-run*.txt, CV of one run from {ab.Comparisons} A/A comparisons (p50 and throughput): {ab.Cv:P2}");
Print($"# series: CV {cv:P2} ({source}), outliers {outlierRate:P0} of runs at +{SeriesFactory.OutlierMin:P0} to +{SeriesFactory.OutlierMax:P0}, seed {seed}");
if (args.Contains("--noise-only"))
{
    return;
}

foreach (var name in detectorName == "both" ? new[] { "edivisive", "edpelt" } : [detectorName])
{
    IChangePointDetector detector = name == "edpelt" ? new EdPeltDetector(minimumSegment) : new EDivisiveMeans(new EDivisiveOptions { MaxPValue = pValue, MinimumSegment = minimumSegment });
    var random = new Random(seed);
    var factory = new SeriesFactory(cv, outlierRate, random);
    var clock = Stopwatch.StartNew();
    var (falseCount, points) = Trial.AaFalse(detector, factory, 50, 200);
    var delays10 = Enumerable.Range(0, 20).Select(_ => Trial.Delay(detector, factory, 0.10, 10)).ToList();
    var delays5 = Enumerable.Range(0, 20).Select(_ => Trial.Delay(detector, factory, 0.05, 20)).ToList();
    var found10 = delays10.Where(d => d is not null).Select(d => d!.Value).Order().ToList();
    Print($"# detector {name} ({(name == "edpelt" ? $"Perfolizer 0.6.1 EdPelt, min distance {minimumSegment}" : $"E-Divisive means + t-test, window 50, p {pValue.ToString(CultureInfo.InvariantCulture)}, min segment {minimumSegment}, outliers clipped")}): {points} A/A points, analysed after every new point; {clock.Elapsed.TotalSeconds:0.0} s");
    Print($"cpd_aa_false_per_1000={1000.0 * falseCount / points:0.##}");
    Print($"cpd10_detected={found10.Count}/20");
    Print($"cpd5_detected={delays5.Count(d => d is not null)}/20");
    Print($"cpd10_delay_median_points={(found10.Count == 0 ? "n/a" : ((found10[(found10.Count - 1) / 2] + found10[found10.Count / 2]) / 2.0).ToString(CultureInfo.InvariantCulture))}");
}

T Option<T>(string name, T fallback) where T : IParsable<T>
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? T.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static void Print(string line) => Console.WriteLine(line);
