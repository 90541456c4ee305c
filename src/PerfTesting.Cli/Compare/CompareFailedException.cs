namespace PerfTesting.Cli.Compare;

/// <summary>The comparison could not run (exit 2): a ref, a build, a start or the tests failed; the message says which and why.</summary>
internal sealed class CompareFailedException : Exception
{
    public CompareFailedException(string message)
        : base(message)
    {
    }

    public CompareFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CompareFailedException()
    {
    }
}
