namespace Tests.Unit.Architecture;

/// <summary>
/// Checks a dependency graph against rules: every edge out of a governed node must be permitted, every
/// node matching <see cref="GovernedNodes"/> must have a rule (a new namespace or assembly gets a place in
/// the layering before it gets code), and the graph must have no cycle.
/// </summary>
/// <param name="Rules">One rule per governed node.</param>
/// <param name="GovernedNodes">Pattern of the nodes that must each have a rule (e.g. "PerfTesting.*"), or null.</param>
internal sealed record DependencyRules(IReadOnlyList<DependencyRule> Rules, string? GovernedNodes = null)
{
    /// <summary>Every violation, one readable line each; empty when the graph keeps the rules.</summary>
    public IReadOnlyList<string> Check(DependencyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var violations = new List<string>();
        var rules = Rules.ToDictionary(r => r.From, StringComparer.Ordinal);
        if (GovernedNodes is not null)
        {
            violations.AddRange(graph.Nodes
                .Where(n => DependencyRule.Matches(n, GovernedNodes) && !rules.ContainsKey(n))
                .Select(n => $"{n} has no rule: give it a place in the layering"));
        }

        foreach (var (from, to, example) in graph.Edges)
        {
            if (rules.TryGetValue(from, out var rule) && !rule.Permits(to))
            {
                violations.Add($"{from} -> {to} is not allowed ({rule.Why}){(example.Length > 0 ? $"; e.g. {example}" : string.Empty)}");
            }
        }

        foreach (var rule in Rules.Where(r => r.Transitive))
        {
            var direct = graph.Targets(rule.From).ToHashSet(StringComparer.Ordinal);
            violations.AddRange(Reachable(graph, rule.From)
                .Where(n => !direct.Contains(n) && rule.Forbidden.Any(p => DependencyRule.Matches(n, p)))
                .Select(n => $"{rule.From} reaches {n} through other nodes ({rule.Why})"));
        }

        violations.AddRange(Cycles(graph).Select(c => "cycle: " + string.Join(" -> ", c.Append(c[0]))));
        return violations;
    }

    /// <summary>Every node reachable from <paramref name="from"/>, itself excluded.</summary>
    public static IReadOnlyList<string> Reachable(DependencyGraph graph, string from)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        var reached = new List<string>();
        while (queue.TryDequeue(out var node))
        {
            foreach (var target in graph.Targets(node).Where(seen.Add))
            {
                reached.Add(target);
                queue.Enqueue(target);
            }
        }

        return reached;
    }

    /// <summary>The strongly connected components with more than one node (Tarjan), each as a list of its nodes.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(DependencyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in graph.Targets(node))
            {
                if (!index.ContainsKey(target))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], index[target]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    component.Reverse();
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in graph.Nodes)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }
}
