namespace Registry.Storage;

/// <summary>Archive bytes by storage key. Keys come only from validated model keys and content hashes.</summary>
internal interface IArchiveStore
{
    /// <summary>"s3" or "postgres": recorded with each archive and used as a metric tag.</summary>
    string Name { get; }

    /// <summary>Stores <paramref name="length"/> bytes from a seekable, rewound stream.</summary>
    Task PutAsync(string key, Stream content, long length, CancellationToken cancellationToken);

    /// <summary>Streams the archive or a range of it; the caller disposes the stream.</summary>
    Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken cancellationToken);

    /// <summary>Deletes one archive; absent keys are ignored.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>A URL a client can GET directly for a while, or null where the store has none.</summary>
    Task<Uri?> PresignAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Creates the bucket or tables if they are missing.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>Deletes everything and recreates the bucket or tables empty.</summary>
    Task ResetAsync(CancellationToken cancellationToken);

    /// <summary>A cheap round trip, for the health endpoint.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
