namespace Registry.Storage;

/// <summary>An inclusive byte range within an archive, already checked against its length.</summary>
/// <param name="From">First byte.</param>
/// <param name="To">Last byte (inclusive).</param>
internal readonly record struct ByteRange(long From, long To)
{
    /// <summary>Number of bytes in the range.</summary>
    public long Length => To - From + 1;
}
