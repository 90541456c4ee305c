namespace PerfTesting.Load;

/// <summary>Test data handed to scenarios; made by <see cref="DataFeed"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class DataFeed<T>
{
    private readonly T[]? _items;
    private readonly Func<ScenarioContext, T>? _function;
    private readonly int _seed;
    private long _next = -1;

    internal DataFeed(T[]? items, Func<ScenarioContext, T>? function, FeedOrder order, int seed)
    {
        _items = items;
        _function = function;
        Order = order;
        _seed = seed;
    }

    /// <summary>How items are handed out.</summary>
    public FeedOrder Order { get; }

    /// <summary>The number of items, or null for a function feed.</summary>
    public int? Count => _items?.Length;

    /// <summary>The item for this iteration of <paramref name="context"/>'s client.</summary>
    /// <param name="context">The client running the step.</param>
    /// <returns>The item.</returns>
    /// <exception cref="FeedExhaustedException">A <see cref="FeedOrder.Unique"/> feed has no item left.</exception>
    public T Next(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_function is not null)
        {
            return _function(context);
        }

        var items = _items!;
        switch (Order)
        {
            case FeedOrder.Random:
                return items[Index(Interlocked.Increment(ref _next), items.Length)];
            case FeedOrder.Unique:
                var taken = Interlocked.Increment(ref _next);
                return taken < items.Length
                    ? items[taken]
                    : throw new FeedExhaustedException($"The unique feed's {items.Length} items have all been used.");
            default:
                return items[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)items.Length)];
        }
    }

    // SplitMix64 of (seed, draw number): a seeded sequence of draws without a lock; the n-th draw of a feed
    // is always the same item, whichever client makes it.
    private int Index(long draw, int length)
    {
        var x = unchecked(((ulong)_seed * 0x9E3779B97F4A7C15UL) + ((ulong)draw * 0xBF58476D1CE4E5B9UL) + 0x94D049BB133111EBUL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (int)(x % (ulong)length);
    }
}
