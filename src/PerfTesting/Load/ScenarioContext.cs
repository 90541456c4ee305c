namespace PerfTesting.Load;

/// <summary>
/// What a step knows about who runs it: the virtual client's id, how many iterations that client has
/// done, and a per-client bag for state the scenario keeps between iterations (a session, a cursor).
/// One context per client, never shared between concurrently running steps.
/// </summary>
public sealed class ScenarioContext
{
    private Dictionary<string, object>? _items;

    /// <summary>Creates a context.</summary>
    /// <param name="clientId">The virtual client's id, 0-based.</param>
    public ScenarioContext(int clientId) => ClientId = clientId;

    /// <summary>The virtual client's id, 0-based; in the open model, the id of the slot that runs the arrival.</summary>
    public int ClientId { get; }

    /// <summary>Iterations this client started before the current one (warm-up included).</summary>
    public long Iteration { get; internal set; }

    /// <summary>The scenario being run.</summary>
    public string ScenarioName { get; internal set; } = string.Empty;

    /// <summary>State the scenario keeps for this client between iterations.</summary>
    public IDictionary<string, object> Items => _items ??= [];
}
