using System.Text.RegularExpressions;
using PerfTesting.BackingServices;

namespace Tests.Unit.BackingServices;

public sealed partial class IsolatedNamesTests
{
    [Theory]
    [InlineData("ModelsApiTests")]
    [InlineData("9 lives!")]
    [InlineData("")]
    [InlineData("a/very/long/owner/name/that/keeps/going/and/going/past/every/limit/there/is")]
    public void For_AnyOwner_GivesNamesEachServiceAccepts(string owner)
    {
        var names = IsolatedNames.For(owner);

        Assert.Matches(BucketRule(), names.Bucket);
        Assert.InRange(names.Bucket.Length, 3, 63);
        Assert.Matches(DatabaseRule(), names.Database);
        Assert.InRange(names.Database.Length, 1, 63);
        Assert.StartsWith(names.Bucket, names.TablePrefix, StringComparison.Ordinal);
    }

    [Fact]
    public void For_SameOwnerTwice_GivesDifferentNames()
    {
        Assert.NotEqual(IsolatedNames.For<IsolatedNamesTests>(), IsolatedNames.For<IsolatedNamesTests>());
    }

    [Fact]
    public void For_Type_KeepsTheTypeNameReadable()
    {
        Assert.StartsWith("isolatednamestests-", IsolatedNames.For<IsolatedNamesTests>().Bucket, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Robert\"; DROP DATABASE x; --")]
    [InlineData("UPPER")]
    [InlineData("")]
    public async Task PostgresDatabases_CreateAsync_RejectsNamesThatAreNotPlain(string database)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => PostgresDatabases.CreateAsync("Host=127.0.0.1", database, TestContext.Current.CancellationToken));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex BucketRule();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex DatabaseRule();
}
