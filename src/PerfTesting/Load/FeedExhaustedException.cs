namespace PerfTesting.Load;

/// <summary>
/// A <see cref="FeedOrder.Unique"/> feed has handed out every item. Thrown inside a step, it fails the
/// iteration, counted under the kind "FeedExhaustedException".
/// </summary>
public sealed class FeedExhaustedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public FeedExhaustedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What ran out.</param>
    public FeedExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What ran out.</param>
    /// <param name="innerException">The cause.</param>
    public FeedExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
