using Registry.Models;

namespace Tests.Unit.Registry;

public sealed class ModelKeyTests
{
    [Theory]
    [InlineData("arnir0", "Tiny-LLM", "1.0.0")]
    [InlineData("a", "b.c_d-e", "10.20.30-rc.1+build.5")]
    [InlineData("Org9", "model", "0.0.1")]
    public void TryCreate_ValidParts_Succeeds(string owner, string name, string version)
    {
        Assert.True(ModelKey.TryCreate(owner, name, version, out var key, out var error));
        Assert.Null(error);
        Assert.Equal($"{owner}/{name}/{version}", key.CatalogKey);
    }

    [Theory]
    [InlineData("..", "x", "1.0.0")]
    [InlineData("a..b", "x", "1.0.0")]
    [InlineData("a/b", "x", "1.0.0")]
    [InlineData("a%2Fb", "x", "1.0.0")]
    [InlineData(".hidden", "x", "1.0.0")]
    [InlineData("a\u0001b", "x", "1.0.0")]
    [InlineData("", "x", "1.0.0")]
    [InlineData("a", "x", "1.0")]
    [InlineData("a", "x", "01.0.0")]
    [InlineData("a", "x", "1.0.0\n")]
    [InlineData("a", "x", "v1.0.0")]
    public void TryCreate_InvalidParts_FailsWithAReason(string owner, string name, string version)
    {
        Assert.False(ModelKey.TryCreate(owner, name, version, out var key, out var error));
        Assert.Null(key);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain('\u0001', error);
    }

    [Fact]
    public void TryParse_ModelIdAndVersion_RoundTripsThroughTheCatalogKey()
    {
        Assert.True(ModelKey.TryParse("arnir0/Tiny-LLM", "1.0.0", out var key, out _));
        Assert.Equal(key, ModelKey.FromCatalogKey(key.CatalogKey));
        Assert.Equal("arnir0/Tiny-LLM@1.0.0", key.ToString());
        Assert.False(ModelKey.TryParse("no-slash", "1.0.0", out _, out _));
        Assert.False(ModelKey.TryParse("a/b/c", "1.0.0", out _, out _));
        Assert.Throws<FormatException>(() => ModelKey.FromCatalogKey("a/b"));
    }
}
