namespace PerfTesting.Load;

/// <summary>Chooses a scenario for each iteration in proportion to the scenarios' weights.</summary>
internal sealed class ScenarioPicker
{
    private readonly double[] _cumulative;

    public ScenarioPicker(IReadOnlyList<Scenario> scenarios)
    {
        _cumulative = new double[scenarios.Count];
        var total = scenarios.Sum(s => s.Weight);
        var running = 0.0;
        for (var i = 0; i < scenarios.Count; i++)
        {
            running += scenarios[i].Weight / total;
            _cumulative[i] = running;
        }

        _cumulative[^1] = 1;
    }

    /// <summary>The index of the scenario for a uniform draw in [0, 1).</summary>
    public int Pick(double draw)
    {
        if (_cumulative.Length == 1)
        {
            return 0;
        }

        var index = Array.BinarySearch(_cumulative, draw);
        return index >= 0 ? Math.Min(index + 1, _cumulative.Length - 1) : ~index;
    }
}
