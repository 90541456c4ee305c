using HdrHistogram;
using HdrHistogram.Utilities;

namespace PerfTesting.Measurement;

/// <summary>
/// HdrHistogram's own compressed encoding in base64, the form HdrHistogram tools in every language
/// read, so a baseline keeps the whole distribution in a few kilobytes.
/// </summary>
internal static class HistogramCodec
{
    /// <summary>Encodes a histogram.</summary>
    /// <param name="histogram">The histogram.</param>
    /// <returns>Base64 of the compressed V2 encoding.</returns>
    public static string Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);

        // ByteBuffer has no bulk read; a few kilobytes byte by byte is cheap next to a run.
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote.</summary>
    /// <param name="encoded">Base64 of a compressed histogram.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="FormatException">The text is not an encoded histogram.</exception>
    public static HistogramBase Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var bytes = Convert.FromBase64String(encoded);
        try
        {
            return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), 0);
        }
        catch (Exception e) when (e is not FormatException)
        {
            throw new FormatException("The text is not an HdrHistogram compressed encoding.", e);
        }
    }
}
