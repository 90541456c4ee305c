namespace PerfTesting.Distribution;

/// <summary>Agents' results that cannot be merged into one run; the message says why and what to do.</summary>
public sealed class ResultMergeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResultMergeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why the results cannot be merged.</param>
    public ResultMergeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Why the results cannot be merged.</param>
    /// <param name="innerException">The cause.</param>
    public ResultMergeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
