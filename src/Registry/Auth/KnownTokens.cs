using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Registry.Options;

namespace Registry.Auth;

/// <summary>
/// The configured bearer tokens as SHA-256 digests, each with the principal it signs in as. Built once:
/// the handler runs on every request, and hashing both configured tokens again and building claims per
/// request was 6% of the bytes a download allocated (EventPipe allocation ticks under
/// bench/registry-vs-direct.sh).
/// </summary>
/// <remarks>
/// Digests of equal length are compared in constant time, so the comparison says nothing about how
/// much of a wrong token was right. The principals are shared by every request signed in with the same
/// token; nothing in the registry changes <c>HttpContext.User</c> after authentication.
/// </remarks>
internal sealed class KnownTokens
{
    // A header longer than this is hashed from a rented buffer instead of the stack.
    private const int StackBytes = 512;

    private readonly (byte[] Digest, ClaimsPrincipal Principal)[] _tokens;

    public KnownTokens(IOptions<AuthOptions> options)
    {
        _tokens =
        [
            (Digest(options.Value.AdminToken), Principal(Roles.Admin)),
            (Digest(options.Value.ReaderToken), Principal(Roles.Reader)),
        ];
    }

    /// <summary>The principal of the configured token equal to <paramref name="token"/>, or null.</summary>
    public ClaimsPrincipal? Find(ReadOnlySpan<char> token)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        byte[]? rented = length > StackBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackBytes];
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(token, utf8)], digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        // Every configured token is compared, so the time taken does not say which one matched.
        ClaimsPrincipal? found = null;
        foreach (var (known, principal) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, known))
            {
                found ??= principal;
            }
        }

        return found;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static ClaimsPrincipal Principal(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], BearerTokenHandler.SchemeName));
}
