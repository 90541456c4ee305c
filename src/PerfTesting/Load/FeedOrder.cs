namespace PerfTesting.Load;

/// <summary>How a <see cref="DataFeed{T}"/> hands out its items.</summary>
public enum FeedOrder
{
    /// <summary>In order, starting again at the first after the last; shared by every client.</summary>
    Circular,

    /// <summary>An item drawn at random from the feed's seeded sequence: the n-th draw is always the same item, so a run can be repeated.</summary>
    Random,

    /// <summary>Each item once, in order, across every client; when none is left the iteration fails with <see cref="FeedExhaustedException"/>.</summary>
    Unique,
}
