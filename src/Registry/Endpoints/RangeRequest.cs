using Microsoft.Net.Http.Headers;
using Registry.Storage;

namespace Registry.Endpoints;

/// <summary>
/// The one part of RFC 9110 range handling the registry needs: a single <c>bytes</c> range. A header
/// that does not parse, another unit, or several ranges are ignored (the whole archive is sent, which
/// the RFC allows); a single range that lies past the end is unsatisfiable.
/// </summary>
internal static class RangeRequest
{
    public static RangeOutcome Resolve(string? header, long length)
    {
        if (string.IsNullOrEmpty(header) || !RangeHeaderValue.TryParse(header, out var parsed)
            || !string.Equals(parsed.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || parsed.Ranges.Count != 1)
        {
            return RangeOutcome.Whole;
        }

        var item = parsed.Ranges.Single();
        if (item.From is { } from)
        {
            if (from >= length)
            {
                return RangeOutcome.Unsatisfiable;
            }

            return RangeOutcome.Partial(new ByteRange(from, Math.Min(item.To ?? long.MaxValue, length - 1)));
        }

        // A suffix range: the last N bytes.
        var suffix = item.To ?? 0;
        return suffix <= 0 || length == 0
            ? RangeOutcome.Unsatisfiable
            : RangeOutcome.Partial(new ByteRange(Math.Max(0, length - suffix), length - 1));
    }
}

/// <summary>What a Range header asks for.</summary>
internal readonly record struct RangeOutcome(ByteRange? Range, bool IsUnsatisfiable)
{
    public static RangeOutcome Whole => default;

    public static RangeOutcome Unsatisfiable => new(null, true);

    public static RangeOutcome Partial(ByteRange range) => new(range, false);
}
