using Xunit;

namespace PerfTesting.Xunit.Load;

/// <summary>
/// Lines for a person watching a test run. Each goes to the test's output (kept with the result, shown
/// by <c>dotnet test</c> at detailed verbosity and for failed tests) and as an xunit diagnostic message,
/// which <c>dotnet test</c> prints as it arrives at the default verbosity when the test project's
/// <c>xunit.runner.json</c> has <c>"diagnosticMessages": true</c>. Test output alone reaches the console
/// only when the test ends.
/// </summary>
internal static class LiveOutput
{
    public static void WriteLine(string line, ITestOutputHelper? output = null)
    {
        try
        {
            (output ?? TestContext.Current.TestOutputHelper)?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished (its output is closed); progress is best effort.
        }

        foreach (var part in line.Split('\n'))
        {
            TestContext.Current.SendDiagnosticMessage(part.TrimEnd('\r'));
        }
    }
}
