namespace Tests.Perf.Track.WholeApi;

/// <summary>The storage table's buckets: every size lands in exactly one, bounds as documented.</summary>
public sealed class SizeBucketTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(0, "< 1 MiB")]
    [InlineData(512 * 1024, "< 1 MiB")]
    [InlineData(MiB - 1, "< 1 MiB")]
    [InlineData(MiB, "1–10 MiB")]
    [InlineData(10 * MiB, "1–10 MiB")]
    [InlineData(10 * MiB + 1, "10–50 MiB")]
    [InlineData(50 * MiB, "10–50 MiB")]
    [InlineData(50 * MiB + 1, "50–100 MiB")]
    [InlineData(100 * MiB, "50–100 MiB")]
    [InlineData(100 * MiB + 1, "> 100 MiB")]
    [InlineData(128 * MiB, "> 100 MiB")]
    public void Of_PutsASizeInItsBucket(long bytes, string expected) => Assert.Equal(expected, SizeBucket.Of(bytes).Label);

    [Fact]
    public void All_EverySizeIsInExactlyOneBucket()
    {
        long[] probes = [0, 1, MiB - 1, MiB, MiB + 1, 10 * MiB, 10 * MiB + 1, 50 * MiB, 50 * MiB + 1, 100 * MiB, 100 * MiB + 1, long.MaxValue];

        Assert.All(probes, bytes => Assert.Single(SizeBucket.All, b => b.Contains(bytes)));
    }

    [Fact]
    public void Of_NegativeSize_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => SizeBucket.Of(-1));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profiles_EachSizeIsInTheBucketItStandsFor(string name)
    {
        var profile = name == "ci" ? WholeApiProfile.Ci : WholeApiProfile.Full;

        Assert.Equal(SizeBucket.All.Count, profile.BucketSizes.Count);
        for (var i = 0; i < SizeBucket.All.Count; i++)
        {
            if (profile.BucketSizes[i] is { } bytes)
            {
                Assert.Same(SizeBucket.All[i], SizeBucket.Of(bytes));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(profile.SkippedBucketReason));
            }
        }
    }

    public static TheoryData<string> Profiles() => ["full", "ci"];

    [Theory]
    [InlineData(512 * 1024, "512 KiB")]
    [InlineData(128 * MiB, "128 MiB")]
    [InlineData(MiB + MiB / 2, "1.5 MiB")]
    public void Describe_WritesKiBBelowOneMiB(long bytes, string expected) => Assert.Equal(expected, SizeBucket.Describe(bytes));
}
