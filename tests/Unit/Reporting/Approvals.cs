using System.Runtime.CompilerServices;

namespace Tests.Unit.Reporting;

/// <summary>
/// Snapshot files in the Verify convention (Verify itself does not restore here): the approved file is
/// committed beside the test; on a mismatch the actual output is written as *.received.* next to it and
/// the test fails. Accept a change by renaming received to approved (tools/accept-snapshots.sh).
/// </summary>
internal static class Approvals
{
    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Approved");
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var approvedPath = Path.Combine(directory, $"{stem}.approved{extension}");
        var receivedPath = Path.Combine(directory, $"{stem}.received{extension}");
        actual = actual.ReplaceLineEndings("\n");

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(approved is null
            ? $"No approved snapshot {approvedPath}; wrote {receivedPath}. Review it and rename it to approve."
            : $"Output differs from {approvedPath}; wrote {receivedPath}. Diff them, and rename received to approved if the change is intended.");
    }
}
