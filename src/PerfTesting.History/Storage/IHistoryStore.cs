using PerfTesting.History.Records;

namespace PerfTesting.History.Storage;

/// <summary>Where history records are kept: a SQLite file or a team's PostgreSQL (<see cref="HistoryStore.OpenAsync"/>).</summary>
public interface IHistoryStore : IAsyncDisposable
{
    /// <summary>A description of the store for messages (the file, or host and database; never a password).</summary>
    string Description { get; }

    /// <summary>Appends records in one transaction: all of them or none.</summary>
    /// <param name="records">The records (their <see cref="HistoryRecord.Id"/> is ignored).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the records are committed.</returns>
    Task AppendAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken);

    /// <summary>Every record, in the order they were recorded.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records with their ids.</returns>
    Task<IReadOnlyList<HistoryRecord>> ReadAllAsync(CancellationToken cancellationToken);
}
