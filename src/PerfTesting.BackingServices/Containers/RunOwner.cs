using System.Diagnostics;
using System.Globalization;

namespace PerfTesting.BackingServices.Containers;

/// <summary>
/// Labels that name the test process owning a container. Ryuk (Testcontainers' reaper) cannot run
/// where its image cannot be pulled, so a killed run's containers would stay; the next start reads
/// these labels and removes the containers whose owner is gone (<see cref="OrphanContainers"/>).
/// </summary>
public static class RunOwner
{
    /// <summary>The owner's process id.</summary>
    public const string PidLabel = "perftesting.owner.pid";

    /// <summary>The owner's start time (UTC ticks): a reused process id is not mistaken for the owner.</summary>
    public const string StartedLabel = "perftesting.owner.started";

    /// <summary>The machine the owner runs on: only containers started from this machine are judged.</summary>
    public const string HostLabel = "perftesting.owner.host";

    /// <summary>An id for this run (one per process), to find every container it started.</summary>
    public const string RunLabel = "perftesting.run";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> CurrentLabels = new(() =>
    {
        using var self = Process.GetCurrentProcess();
        return new Dictionary<string, string>
        {
            [PidLabel] = self.Id.ToString(CultureInfo.InvariantCulture),
            [StartedLabel] = StartTicks(self).ToString(CultureInfo.InvariantCulture),
            [HostLabel] = System.Environment.MachineName,
            [RunLabel] = Guid.NewGuid().ToString("N"),
        };
    });

    /// <summary>The labels for containers this process starts.</summary>
    public static IReadOnlyDictionary<string, string> Labels => CurrentLabels.Value;

    /// <summary>
    /// True when the labels name a process on this machine that no longer runs (or whose id now
    /// belongs to a process started at another time). Containers from other machines, or without
    /// the labels, are never judged gone.
    /// </summary>
    /// <param name="labels">A container's labels.</param>
    /// <returns>Whether the owner is gone.</returns>
    public static bool IsGone(IDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!labels.TryGetValue(HostLabel, out var host) || host != System.Environment.MachineName
            || !labels.TryGetValue(PidLabel, out var pidText) || !int.TryParse(pidText, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return true;
            }

            // /proc gives a start time with jiffy resolution; a second's slack covers its rounding.
            return labels.TryGetValue(StartedLabel, out var startedText)
                && long.TryParse(startedText, CultureInfo.InvariantCulture, out var started)
                && Math.Abs(StartTicks(process) - started) > TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while we looked
        }
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}
