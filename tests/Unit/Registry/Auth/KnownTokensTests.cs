using System.Security.Claims;
using Registry.Auth;
using Registry.Options;

namespace Tests.Unit.Registry.Auth;

/// <summary>Bearer tokens matched by digest against the configured two, each signing in with its role.</summary>
public sealed class KnownTokensTests
{
    private const string Admin = "admin-token-0123456789";
    private const string Reader = "reader-token-0123456789";

    private static readonly KnownTokens Tokens = new(Microsoft.Extensions.Options.Options.Create(new AuthOptions { AdminToken = Admin, ReaderToken = Reader }));

    [Theory]
    [InlineData(Admin, Roles.Admin)]
    [InlineData(Reader, Roles.Reader)]
    public void AConfiguredToken_SignsInWithItsRole(string token, string role)
    {
        var principal = Tokens.Find(token);

        Assert.NotNull(principal);
        Assert.True(principal.IsInRole(role));
        Assert.Equal(role, principal.Identity?.Name);
        Assert.Equal(BearerTokenHandler.SchemeName, principal.Identity?.AuthenticationType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("admin-token-012345678")] // one character short
    [InlineData("admin-token-01234567890")] // one character more
    [InlineData("ADMIN-TOKEN-0123456789")] // tokens are case-sensitive
    public void AnyOtherToken_SignsInWithNothing(string token) =>
        Assert.Null(Tokens.Find(token));

    [Fact]
    public void ATokenLongerThanTheStackBuffer_IsHashedToo_AndMatchesWhenConfigured()
    {
        var longToken = new string('x', 4000) + "é";
        var tokens = new KnownTokens(Microsoft.Extensions.Options.Options.Create(new AuthOptions { AdminToken = longToken, ReaderToken = Reader }));

        Assert.True(tokens.Find(longToken)?.IsInRole(Roles.Admin));
        Assert.Null(tokens.Find(longToken.AsSpan(0, longToken.Length - 1)));
    }

    [Fact]
    public void TheSameTokenSignsInAsTheSamePrincipal_BuiltOnce()
    {
        ClaimsPrincipal? first = Tokens.Find(Reader), second = Tokens.Find(Reader);

        Assert.Same(first, second);
    }
}
