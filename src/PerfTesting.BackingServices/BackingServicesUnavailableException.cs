namespace PerfTesting.BackingServices;

/// <summary>A provider that was asked for could not start; the message says what is missing and how to get it.</summary>
public sealed class BackingServicesUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BackingServicesUnavailableException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    /// <param name="message">What is missing and how to get it.</param>
    public BackingServicesUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    /// <param name="message">What is missing and how to get it.</param>
    /// <param name="innerException">The failure underneath.</param>
    public BackingServicesUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
