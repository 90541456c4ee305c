using PerfTesting.Load;

namespace Tests.Unit.Load;

public sealed class DataFeedTests
{
    [Fact]
    public void Circular_HandsOutInOrderAndStartsAgain()
    {
        var feed = DataFeed.FromSequence(["a", "b", "c"]);
        var context = new ScenarioContext(0);

        Assert.Equal(["a", "b", "c", "a", "b"], Enumerable.Range(0, 5).Select(_ => feed.Next(context)));
    }

    [Fact]
    public void Unique_HandsOutEachItemOnceThenThrows()
    {
        var feed = DataFeed.FromSequence([1, 2], FeedOrder.Unique);
        var context = new ScenarioContext(0);

        Assert.Equal([1, 2], [feed.Next(context), feed.Next(context)]);
        Assert.Throws<FeedExhaustedException>(() => feed.Next(context));
    }

    [Fact]
    public void Random_IsRepeatableAndCoversTheItems()
    {
        var items = Enumerable.Range(0, 10).ToArray();
        int[] Draw(int seed)
        {
            var feed = DataFeed.FromSequence(items, FeedOrder.Random, seed);
            var contexts = Enumerable.Range(0, 4).Select(i => new ScenarioContext(i)).ToList();
            return [.. Enumerable.Range(0, 500).Select(i => feed.Next(contexts[i % 4]))];
        }

        var first = Draw(seed: 7);

        Assert.Equal(first, Draw(seed: 7));
        Assert.NotEqual(first, Draw(seed: 8));
        Assert.Equal(items, first.Distinct().Order());
    }

    [Fact]
    public void FromFile_ReadsNonEmptyLines()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "alpha\n\nbeta\n");
            var feed = DataFeed.FromFile(path);

            Assert.Equal(2, feed.Count);
            Assert.Equal(["alpha", "beta", "alpha"], Enumerable.Range(0, 3).Select(_ => feed.Next(new ScenarioContext(0))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFunction_ComputesFromTheContext()
    {
        var feed = DataFeed.FromFunction(context => $"user-{context.ClientId}");

        Assert.Equal("user-3", feed.Next(new ScenarioContext(3)));
        Assert.Null(feed.Count);
    }

    [Fact]
    public void EmptySources_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => DataFeed.FromSequence(Array.Empty<int>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataFeed.FromSequence([1], (FeedOrder)9));
    }
}
