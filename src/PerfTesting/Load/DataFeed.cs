namespace PerfTesting.Load;

/// <summary>
/// Test data for scenarios: from a sequence, a file (one item a line) or a function, handed out
/// circularly, at random or each item once (<see cref="FeedOrder"/>). Safe to share between every client
/// of a run; <see cref="DataFeed{T}.Next"/> takes no lock.
/// </summary>
/// <example>
/// <code>
/// var terms = DataFeed.FromFile("search-terms.txt", FeedOrder.Random);
/// var search = Scenario.Create("search", (ctx, ct) =>
///     HttpStep.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, $"/search?q={Uri.EscapeDataString(terms.Next(ctx))}"), ct));
/// </code>
/// </example>
public static class DataFeed
{
    /// <summary>A feed over <paramref name="items"/> (read once, when the feed is made).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">At least one item.</param>
    /// <param name="order">How items are handed out. <value>Default: <see cref="FeedOrder.Circular"/>.</value></param>
    /// <param name="seed">The seed of <see cref="FeedOrder.Random"/>.</param>
    public static DataFeed<T> FromSequence<T>(IEnumerable<T> items, FeedOrder order = FeedOrder.Circular, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A feed needs at least one item.", nameof(items));
        }

        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown feed order.");
        }

        return new DataFeed<T>(list, null, order, seed);
    }

    /// <summary>A feed of the non-empty lines of a text file (UTF-8), read once when the feed is made.</summary>
    /// <param name="path">The file; a relative path is resolved against the current directory.</param>
    /// <param name="order">How lines are handed out. <value>Default: <see cref="FeedOrder.Circular"/>.</value></param>
    /// <param name="seed">The seed of <see cref="FeedOrder.Random"/>.</param>
    public static DataFeed<string> FromFile(string path, FeedOrder order = FeedOrder.Circular, int seed = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var lines = File.ReadLines(path).Where(l => l.Length > 0).ToArray();
        return lines.Length > 0 ? FromSequence(lines, order, seed) : throw new ArgumentException($"'{path}' has no non-empty line.", nameof(path));
    }

    /// <summary>A feed that computes each item from the client and its iteration (unbounded; the order does not apply).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="next">Makes the item for a context, e.g. <c>ctx =&gt; $"user-{ctx.ClientId}-{ctx.Iteration}"</c>.</param>
    public static DataFeed<T> FromFunction<T>(Func<ScenarioContext, T> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new DataFeed<T>(null, next, FeedOrder.Circular, 0);
    }
}
