using Registry.Catalog;
using Registry.Models;

namespace Tests.Unit.Registry.Catalog;

/// <summary>The archives remembered by streamed downloads: kept by model key, forgotten one by one or all at reset, bounded in count.</summary>
public sealed class DownloadRecordsTests
{
    [Fact]
    public async Task ARememberedArchive_IsFoundByAnEqualKey_UntilForgottenOrReset()
    {
        var records = new DownloadRecords();
        var archive = new ArchiveInfo("models/acme/m/1.0.0/abc.zip", 10, "abc", "s3");
        records.Remember(Key("m"), archive);

        var found = records.TryGet(Key("m"), out var kept); // another instance of an equal key
        var other = records.TryGet(Key("n"), out _);
        records.Forget(Key("m"));
        var afterForget = records.TryGet(Key("m"), out _);
        records.Remember(Key("m"), archive);
        await records.ResetAsync(TestContext.Current.CancellationToken);
        var afterReset = records.TryGet(Key("m"), out _);

        Assert.True(found);
        Assert.Same(archive, kept);
        Assert.False(other);
        Assert.False(afterForget);
        Assert.False(afterReset);
    }

    [Fact]
    public void Remember_PastTheBound_DropsTheOldEntries()
    {
        var records = new DownloadRecords();
        for (var i = 0; i < DownloadRecords.MaxEntries; i++)
        {
            records.Remember(Key("m" + i), new ArchiveInfo($"k{i}", 1, "s", "s3"));
        }

        records.Remember(Key("last"), new ArchiveInfo("last", 1, "s", "s3"));

        Assert.False(records.TryGet(Key("m0"), out _));
        Assert.True(records.TryGet(Key("last"), out _));
    }

    private static ModelKey Key(string name) =>
        ModelKey.TryCreate("acme", name, "1.0.0", out var key, out _) ? key : throw new InvalidOperationException();
}
