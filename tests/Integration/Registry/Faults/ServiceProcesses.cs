using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tests.Integration.Registry.Faults;

/// <summary>
/// Freezes (SIGSTOP), resumes (SIGCONT) and kills (SIGKILL) a backing service that the test itself
/// started, found by the loopback port it listens on. PostgreSQL is a postmaster plus one process per
/// connection: all of them are stopped, or the connections already open would keep answering.
/// </summary>
internal static partial class ServiceProcesses
{
    private const string SigKill = "KILL";
    private const string SigCont = "CONT";
    private const string SigStop = "STOP";

    /// <summary>The pid listening on the port, and its children.</summary>
    public static IReadOnlyList<int> ListeningOn(int port)
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", ["-ltnpH", $"sport = :{port}"]) { RedirectStandardOutput = true })!;
        var output = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        var pid = PidPattern().Matches(output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Single();
        return [pid, .. ChildrenOf(pid)];
    }

    /// <summary>The pids listening on the port, or "nothing" (for a failure message).</summary>
    public static string DescribeListener(int port)
    {
        try
        {
            return string.Join(", ", ListeningOn(port));
        }
        catch (InvalidOperationException)
        {
            return "nothing";
        }
    }

    public static void Freeze(IReadOnlyList<int> pids)
    {
        foreach (var pid in pids)
        {
            _ = Kill(pid, SigStop);
        }
    }

    public static void Resume(IReadOnlyList<int> pids)
    {
        foreach (var pid in pids.Reverse())
        {
            _ = Kill(pid, SigCont);
        }
    }

    public static void KillNow(IReadOnlyList<int> pids)
    {
        foreach (var pid in pids)
        {
            _ = Kill(pid, SigCont);
            _ = Kill(pid, SigKill);
        }
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
            {
                yield return int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            }
        }
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        kill.WaitForExit();
        return kill.ExitCode;
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex PidPattern();
}
