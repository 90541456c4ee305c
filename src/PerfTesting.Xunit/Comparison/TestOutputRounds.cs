using System.Globalization;
using PerfTesting.Comparison;
using Xunit;

namespace PerfTesting.Xunit.Comparison;

/// <summary>Writes one line per finished round to the current test's output.</summary>
internal sealed class TestOutputRounds(int rounds) : IProgress<ABRound>
{
    public void Report(ABRound value) =>
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {value.Index}/{rounds} ({value.First} first): p50 A {value.A.P50:0.###} ms, B {value.B.P50:0.###} ms; throughput A {value.A.Throughput:0.#}, B {value.B.Throughput:0.#} req/s; errors A {value.A.ErrorRate * 100:0.00}%, B {value.B.ErrorRate * 100:0.00}%"));
}
