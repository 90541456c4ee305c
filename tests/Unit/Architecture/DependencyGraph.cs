namespace Tests.Unit.Architecture;

/// <summary>
/// Who uses whom: nodes (assemblies or namespaces) and directed edges, each edge with one example of the
/// use that created it (a type and what it referenced), so a violation names the line to look at.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    /// <summary>Every node, used or using.</summary>
    public IEnumerable<string> Nodes => _edges.Keys.Concat(_edges.Values.SelectMany(e => e.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Every edge with its example.</summary>
    public IEnumerable<(string From, string To, string Example)> Edges =>
        _edges.SelectMany(from => from.Value.Select(to => (from.Key, to.Key, to.Value)));

    /// <summary>Adds a node with no edges (so a node that uses nothing is still known).</summary>
    public DependencyGraph Node(string node)
    {
        _edges.TryAdd(node, new(StringComparer.Ordinal));
        return this;
    }

    /// <summary>Adds an edge; self edges are ignored, the first example of an edge is kept.</summary>
    public DependencyGraph Edge(string from, string to, string example = "")
    {
        Node(from);
        if (from != to)
        {
            _edges[from].TryAdd(to, example);
        }

        return this;
    }

    /// <summary>A copy to add edges to, leaving this graph as it is.</summary>
    public DependencyGraph Copy()
    {
        var copy = new DependencyGraph();
        foreach (var node in _edges.Keys)
        {
            copy.Node(node);
        }

        foreach (var (from, to, example) in Edges)
        {
            copy.Edge(from, to, example);
        }

        return copy;
    }

    /// <summary>The nodes <paramref name="from"/> uses directly.</summary>
    public IEnumerable<string> Targets(string from) => _edges.TryGetValue(from, out var targets) ? targets.Keys : [];
}
