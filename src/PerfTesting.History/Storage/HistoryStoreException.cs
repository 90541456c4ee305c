namespace PerfTesting.History.Storage;

/// <summary>The store cannot be used as asked: not a history database, corrupt, newer than this version, or unreachable. The message says which.</summary>
public sealed class HistoryStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HistoryStoreException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in words a user can act on.</param>
    public HistoryStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in words a user can act on.</param>
    /// <param name="innerException">The provider's error.</param>
    public HistoryStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
