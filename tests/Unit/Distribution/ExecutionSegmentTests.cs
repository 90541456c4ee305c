using PerfTesting.Distribution;
using PerfTesting.Load;

namespace Tests.Unit.Distribution;

public sealed class ExecutionSegmentTests
{
    [Theory]
    [InlineData("1/4:2/4", "1/4:1/2")]
    [InlineData("0.25:0.5", "1/4:1/2")]
    [InlineData("25%:50%", "1/4:1/2")]
    [InlineData("1/3", "0:1/3")]
    [InlineData("2/3:1", "2/3:1")]
    public void Parse_AcceptsK6Forms(string text, string expected) =>
        Assert.Equal(expected, ExecutionSegment.Parse(text).ToString());

    [Theory]
    [InlineData("1/2:1/4")]
    [InlineData("0:0")]
    [InlineData("0:3/2")]
    [InlineData("a:1")]
    [InlineData("1/0")]
    [InlineData("-1/4:1")]
    [InlineData("0.:1")]
    public void Parse_RejectsWhatIsNotASegment(string text) =>
        Assert.Throws<FormatException>(() => ExecutionSegment.Parse(text));

    [Fact]
    public void Fraction_ArithmeticIsExact()
    {
        var third = new Fraction(1, 3);
        Assert.Equal(Fraction.One, third + third + third);
        Assert.Equal(new Fraction(1, 6), third - new Fraction(1, 6));
        Assert.Equal(new Fraction(2, 4), new Fraction(1, 2));
        Assert.Equal("-1/2", new Fraction(1, -2).ToString());
        Assert.True(new Fraction(1, 3) < new Fraction(34, 100));
        Assert.Equal(0.25, new Fraction(1, 4).ToDouble());
    }

    [Fact]
    public void Overlaps_IsTrueOnlyForSharedParts()
    {
        Assert.True(ExecutionSegment.Parse("0:1/2").Overlaps(ExecutionSegment.Parse("1/4:3/4")));
        Assert.False(ExecutionSegment.Parse("0:1/2").Overlaps(ExecutionSegment.Parse("1/2:1")));
    }

    [Fact]
    public void Sequence_ParsesAndFillsGaps()
    {
        var sequence = ExecutionSegmentSequence.Parse("0,1/4,1/2,3/4,1");
        Assert.Equal(4, sequence.Segments.Count);
        Assert.Equal("0,1/4,1/2,3/4,1", sequence.ToString());
        Assert.Equal(4, sequence.Cycle);

        var filled = new ExecutionSegmentSequence([ExecutionSegment.Parse("1/3:2/3")]);
        Assert.Equal("0,1/3,2/3,1", filled.ToString());
        Assert.Throws<FormatException>(() => ExecutionSegmentSequence.Parse("0,1/2,1/4,1"));
        Assert.Throws<FormatException>(() => ExecutionSegmentSequence.Parse("1/2"));
        Assert.Throws<ArgumentException>(() => new ExecutionSegmentSequence([ExecutionSegment.Parse("0:1/3"), ExecutionSegment.Parse("1/2:1")]));
        Assert.Throws<ArgumentException>(() => sequence.StripeOf(ExecutionSegment.Parse("0:1/3")));
        Assert.Single(ExecutionSegmentSequence.Parse(" ").Segments);
    }

    public static TheoryData<string> Sequences => new()
    {
        "0,1",
        "0,1/2,1",
        "0,1/3,2/3,1",
        "0,1/4,1/2,3/4,1",
        "0,1/5,2/5,3/5,4/5,1",
        "0,3/5,1",
        "0,1/7,1/2,4/5,1",
        "0,0.1,0.35,1",
        "0,1/6,1/3,1/2,2/3,5/6,1",
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Stripes_AreDisjointAndCoverEveryIndex(string text)
    {
        var sequence = ExecutionSegmentSequence.Parse(text);
        var stripes = sequence.Segments.Select(sequence.StripeOf).ToList();

        for (long index = 0; index < 3 * sequence.Cycle + 5; index++)
        {
            Assert.Equal(1, stripes.Count(s => s.Contains(index)));
        }

        foreach (var (segment, stripe) in sequence.Segments.Zip(stripes))
        {
            // Each stripe owns exactly its length's share of a cycle.
            Assert.Equal(segment.Length.Numerator * (sequence.Cycle / segment.Length.Denominator), stripe.Positions.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Scale_PartsAddUpToTheWholeForEveryCount(string text)
    {
        var sequence = ExecutionSegmentSequence.Parse(text);
        for (long count = 0; count <= 1_000; count++)
        {
            var parts = sequence.Segments.Select(s => sequence.Scale(s, count)).ToList();
            Assert.Equal(count, parts.Sum());

            // Each part stays close to its exact share because striping spreads each segment's indexes over
            // the cycle; the greedy assignment is not perfectly even (1.14 for 0,1/7,1/2,4/5,1, computed
            // independently in Python), but a contiguous block split would be off by up to a whole cycle.
            foreach (var (segment, part) in sequence.Segments.Zip(parts))
            {
                Assert.InRange(part - (count * segment.Length.ToDouble()), -1.5, 1.5);
            }
        }

        foreach (var count in new long[] { 10_007, 1_000_000, 123_456_789 })
        {
            Assert.Equal(count, sequence.Segments.Sum(s => sequence.Scale(s, count)));
        }
    }

    [Fact]
    public void Scale_HundredAndOneClientsOverFourAgents_AreTwentySixAndTwentyFive()
    {
        var sequence = ExecutionSegmentSequence.Even(4);
        Assert.Equal([26L, 25, 25, 25], sequence.Segments.Select(s => sequence.Scale(s, 101)));
    }

    [Fact]
    public void Member_ListsTheStripesIndexesInOrder()
    {
        var sequence = ExecutionSegmentSequence.Parse("0,1/7,1/2,4/5,1");
        foreach (var stripe in sequence.Segments.Select(sequence.StripeOf))
        {
            var expected = Enumerable.Range(0, 500).Where(i => stripe.Contains(i)).Select(i => (long)i).ToList();
            Assert.Equal(expected, Enumerable.Range(0, expected.Count).Select(n => stripe.Member(n)));
            Assert.Equal(expected.Count, stripe.CountBelow(500));
        }
    }

    [Fact]
    public void IndexStripe_RejectsBadShapes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexStripe(0, []));
        Assert.Throws<ArgumentException>(() => new IndexStripe(4, [2, 1]));
        Assert.Throws<ArgumentException>(() => new IndexStripe(4, [4]));
        Assert.Throws<InvalidOperationException>(() => new IndexStripe(4, []).Member(0));
        Assert.True(IndexStripe.All.IsAll);
    }
}
