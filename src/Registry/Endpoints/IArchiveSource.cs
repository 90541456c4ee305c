namespace Registry.Endpoints;

/// <summary>Where <see cref="ResponseBody"/> reads an archive's bytes from.</summary>
internal interface IArchiveSource
{
    /// <summary>Reads into <paramref name="into"/> the bytes that follow the first <paramref name="copied"/>; 0 at the end.</summary>
    ValueTask<int> ReadAsync(Memory<byte> into, long copied, CancellationToken cancellationToken);
}
