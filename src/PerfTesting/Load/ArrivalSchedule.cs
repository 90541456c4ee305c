namespace PerfTesting.Load;

/// <summary>
/// The intended start times of an open model's arrivals. Within a stage whose rate moves linearly from
/// r0 to r1 over D, the expected arrivals by time t are N(t) = r0 t + (r1 - r0) t² / 2D; the k-th arrival is
/// due where N(t) = k. Arrivals are evenly spaced (not Poisson) so runs are repeatable.
/// </summary>
internal static class ArrivalSchedule
{
    /// <summary>The offsets from the schedule's start at which arrivals are due, in order.</summary>
    /// <param name="stages">The stages.</param>
    /// <returns>A lazy sequence, finite because every stage is.</returns>
    public static IEnumerable<TimeSpan> Offsets(IReadOnlyList<RateStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var stageStart = TimeSpan.Zero;
        var owed = 0.0; // expected arrivals of earlier stages not yet emitted, in [0, 1)
        foreach (var stage in stages)
        {
            var seconds = stage.Duration.TotalSeconds;
            var r0 = stage.FromRate;
            var slope = (stage.ToRate - stage.FromRate) / seconds;
            var expected = r0 * seconds + slope * seconds * seconds / 2;
            var emitted = 0;
            while (emitted + 1 - owed <= expected + 1e-9)
            {
                emitted++;
                yield return stageStart + TimeSpan.FromSeconds(TimeAt(emitted - owed, r0, slope));
            }

            owed += expected - emitted;
            stageStart += stage.Duration;
        }
    }

    // Solves r0 t + slope t² / 2 = count for t >= 0.
    private static double TimeAt(double count, double r0, double slope)
    {
        if (Math.Abs(slope) < 1e-12)
        {
            return count / r0;
        }

        var discriminant = r0 * r0 + 2 * slope * count;
        return (Math.Sqrt(Math.Max(0, discriminant)) - r0) / slope;
    }
}
