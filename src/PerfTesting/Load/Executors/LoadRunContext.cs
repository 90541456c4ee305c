using PerfTesting.Load.Window;

namespace PerfTesting.Load.Executors;

/// <summary>What every executor of one run works with: the clock, the window, the iterations, the scenario choice and this agent's stripe.</summary>
internal sealed class LoadRunContext
{
    public LoadRunContext(LoadProfile profile, IReadOnlyList<Scenario> scenarios, LoadRunnerOptions options, MeasurementWindow window)
    {
        Profile = profile;
        Options = options;
        Time = options.Time;
        Window = window;
        Iterations = new IterationRunner(scenarios, window, options.Time);
        Picker = new ScenarioPicker(scenarios);
    }

    public LoadProfile Profile { get; }

    public LoadRunnerOptions Options { get; }

    public TimeProvider Time { get; }

    public MeasurementWindow Window { get; }

    public IterationRunner Iterations { get; }

    public ScenarioPicker Picker { get; }

    /// <summary>This agent's share of a whole-test count (clients, iterations) in a distributed run.</summary>
    public long Share(long count) => Options.Stripe.IsAll ? count : Options.Stripe.CountBelow(count);

    /// <summary>
    /// A new virtual client's context and random draws. In a distributed run the client keeps its number
    /// in the whole test, so agents' records stay distinct.
    /// </summary>
    public (ScenarioContext Context, Random Random) NewClient(int id)
    {
        var globalId = Options.Stripe.IsAll ? id : (int)Options.Stripe.Member(id);
        return (new ScenarioContext(globalId), new Random(unchecked((globalId + 1) * 7919)));
    }
}
