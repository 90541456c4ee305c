using System.IO.Compression;

namespace Registry.Seeding;

/// <summary>
/// A deterministic stand-in for the Tiny-LLM archive (no network here): a zip with a small config and
/// a weights file of pseudo-random bytes from a fixed seed, stored uncompressed so the archive is the
/// requested size within a few hundred bytes. The same size always gives the same bytes.
/// </summary>
internal static class SyntheticArchive
{
    private static readonly DateTimeOffset FixedTimestamp = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the archive to a new temporary file and returns its path; the caller deletes it.</summary>
    public static async Task<string> WriteAsync(long sizeBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeBytes, 1024);
        var path = Path.Combine(Path.GetTempPath(), $"tiny-llm-{sizeBytes}-{Guid.NewGuid():N}.zip");
        await using var file = File.Create(path);
        await using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            var config = zip.CreateEntry("config.json", CompressionLevel.NoCompression);
            config.LastWriteTime = FixedTimestamp;
            await using (var writer = new StreamWriter(await config.OpenAsync(cancellationToken)))
            {
                await writer.WriteAsync("{\"model_type\":\"llama\",\"hidden_size\":192,\"num_hidden_layers\":1,\"synthetic\":true}");
            }

            var weights = zip.CreateEntry("model.safetensors", CompressionLevel.NoCompression);
            weights.LastWriteTime = FixedTimestamp;
            await using var stream = await weights.OpenAsync(cancellationToken);
            var remaining = Math.Max(0, sizeBytes - 512); // zip headers and the config take about 400 bytes
            var buffer = new byte[1024 * 1024];
            var state = 0x2545F4914F6CDD1DUL;
            while (remaining > 0)
            {
                var n = (int)Math.Min(buffer.Length, remaining);
                for (var i = 0; i + 8 <= n; i += 8)
                {
                    // xorshift64: fast, deterministic, incompressible enough for a stand-in.
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    BitConverter.TryWriteBytes(buffer.AsSpan(i), state);
                }

                await stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                remaining -= n;
            }
        }

        return path;
    }
}
