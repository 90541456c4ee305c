using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Registry.Diagnostics;

namespace Registry.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> against the two configured tokens, compared in constant
/// time. No header → no identity (401 where a role is required); an unknown token → 401; a known
/// token without the role → 403.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    KnownTokens tokens,
    RegistryMetrics metrics,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Timed on the registry's instrument so the cost of authentication per request can be stated
        // (the performance track's authentication table); the work is synchronous, so this is all of it.
        var started = time.GetTimestamp();
        var result = Authenticate();
        metrics.RecordAuthValidation(time.GetElapsedTime(started), result.None ? "none" : result.Succeeded ? "success" : "failure");
        return Task.FromResult(result);
    }

    private AuthenticateResult Authenticate()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a Bearer token.");
        }

        var principal = tokens.Find(header.AsSpan("Bearer ".Length).Trim());
        return principal is null
            ? AuthenticateResult.Fail("Unknown token.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
