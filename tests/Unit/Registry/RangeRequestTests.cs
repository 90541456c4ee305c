using Registry.Endpoints;
using Registry.Storage;

namespace Tests.Unit.Registry;

public sealed class RangeRequestTests
{
    [Theory]
    [InlineData("bytes=0-9", 100, 0, 9)]
    [InlineData("bytes=90-", 100, 90, 99)]
    [InlineData("bytes=-10", 100, 90, 99)]
    [InlineData("bytes=-500", 100, 0, 99)]
    [InlineData("bytes=50-5000", 100, 50, 99)]
    public void Resolve_SingleSatisfiableRange_IsPartial(string header, long length, long from, long to)
    {
        Assert.Equal(RangeOutcome.Partial(new ByteRange(from, to)), RangeRequest.Resolve(header, length));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes=abc")]
    [InlineData("items=0-9")]
    [InlineData("bytes=0-1,5-6")]
    public void Resolve_AbsentMalformedOrMultiple_IsTheWholeArchive(string? header)
    {
        Assert.Equal(RangeOutcome.Whole, RangeRequest.Resolve(header, 100));
    }

    [Theory]
    [InlineData("bytes=100-", 100)]
    [InlineData("bytes=-0", 100)]
    [InlineData("bytes=0-", 0)]
    public void Resolve_PastTheEnd_IsUnsatisfiable(string header, long length)
    {
        Assert.True(RangeRequest.Resolve(header, length).IsUnsatisfiable);
    }

    [Fact]
    public void ByteRange_Length_IsInclusive() => Assert.Equal(10, new ByteRange(0, 9).Length);
}
