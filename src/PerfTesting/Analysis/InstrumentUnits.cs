using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>Brings duration instruments to milliseconds, whatever unit the service declared.</summary>
internal static class InstrumentUnits
{
    public static double ToMs(InstrumentSummary instrument, double value) => instrument.Unit switch
    {
        "s" => value * 1000,
        "us" or "µs" => value / 1000,
        "ns" => value / 1_000_000,
        _ => value,
    };

    public static InstrumentSummary? Find(RunResult run, string name) =>
        run.WhiteBox.Where(i => i.Name == name).OrderByDescending(i => i.Count).FirstOrDefault();
}
