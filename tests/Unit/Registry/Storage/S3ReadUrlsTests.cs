using Microsoft.Extensions.Time.Testing;
using Registry.Storage;

namespace Tests.Unit.Registry.Storage;

/// <summary>Presigned read URLs: signed once, reused while they have long to live, re-signed after.</summary>
public sealed class S3ReadUrlsTests
{
    [Fact]
    public async Task AUrl_IsReusedUntilItsRenewal_ThenSignedAgain()
    {
        var time = new FakeTimeProvider();
        var urls = new S3ReadUrls(time);
        var signed = new List<(string Key, TimeSpan Lifetime)>();
        Task<Uri> Presign(string key, TimeSpan lifetime)
        {
            signed.Add((key, lifetime));
            return Task.FromResult(new Uri($"http://s3.test/{key}?n={signed.Count}"));
        }

        var first = await urls.GetAsync("a.zip", Presign);
        time.Advance(S3ReadUrls.Renewal - TimeSpan.FromSeconds(1));
        var reused = await urls.GetAsync("a.zip", Presign);
        time.Advance(TimeSpan.FromSeconds(1));
        var renewed = await urls.GetAsync("a.zip", Presign);

        Assert.Equal(first, reused);
        Assert.NotEqual(first, renewed);
        Assert.Equal([("a.zip", S3ReadUrls.Lifetime), ("a.zip", S3ReadUrls.Lifetime)], signed);
        Assert.True(S3ReadUrls.Lifetime - S3ReadUrls.Renewal >= TimeSpan.FromMinutes(5), "a reused URL must outlive any read's start by minutes");
    }

    [Fact]
    public async Task EachKey_HasItsOwnUrl_AndClearForgetsThem()
    {
        var urls = new S3ReadUrls(new FakeTimeProvider());
        var count = 0;
        Task<Uri> Presign(string key, TimeSpan lifetime) => Task.FromResult(new Uri($"http://s3.test/{key}?n={++count}"));

        var a = await urls.GetAsync("a.zip", Presign);
        var b = await urls.GetAsync("b.zip", Presign);
        urls.Clear();
        var again = await urls.GetAsync("a.zip", Presign);

        Assert.Contains("a.zip", a.ToString(), StringComparison.Ordinal);
        Assert.Contains("b.zip", b.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(a, again);
        Assert.Equal(3, count);
    }
}
