namespace PerfTesting.Measurement;

/// <summary>
/// The named steps of one scenario, each recorded like a scenario of its own (latency histogram,
/// accounting, errors by kind), in the order they were first used. Steps are read once, at the end of a
/// run, so their histograms are harvested then rather than every second.
/// </summary>
internal sealed class StepRecorders
{
    private readonly Dictionary<string, ScenarioRecorder> _steps = new(StringComparer.Ordinal);
    private readonly List<ScenarioRecorder> _order = [];
    private readonly Lock _lock = new();

    public ScenarioRecorder For(string name)
    {
        lock (_lock)
        {
            if (!_steps.TryGetValue(name, out var recorder))
            {
                recorder = new ScenarioRecorder(name);
                _steps.Add(name, recorder);
                _order.Add(recorder);
            }

            return recorder;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            foreach (var recorder in _order)
            {
                recorder.Reset();
            }
        }
    }

    public IReadOnlyList<ScenarioResult> Results()
    {
        lock (_lock)
        {
            return [.. _order.Select(r =>
            {
                r.Harvest();
                return r.Result();
            })];
        }
    }
}
