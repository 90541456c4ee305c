using System.Globalization;
using PerfTesting.Comparison;
using PerfTesting.Xunit.Load;

namespace PerfTesting.Xunit.Comparison;

/// <summary>Writes one line per finished round ("round 7/20", or "round 7" when the rounds are adaptive) to the current test's output and, as it happens, to the console (<see cref="LiveOutput"/>).</summary>
internal sealed class TestOutputRounds(int? rounds = null) : IProgress<ABRound>
{
    public void Report(ABRound value) =>
        LiveOutput.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {value.Index}{(rounds is { } total ? "/" + total : string.Empty)} ({value.First} first): p50 A {value.A.P50:0.###} ms, B {value.B.P50:0.###} ms; throughput A {value.A.Throughput:0.#}, B {value.B.Throughput:0.#} req/s; errors A {value.A.ErrorRate * 100:0.00}%, B {value.B.ErrorRate * 100:0.00}%"));
}
