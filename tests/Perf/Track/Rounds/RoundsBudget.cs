namespace Tests.Perf.Track.Rounds;

/// <summary>
/// The time the track's A/B comparisons may spend on rounds, shared out as they run: a comparison gets
/// what is left less the minimum kept for each comparison after it, at least <see cref="Minimum"/> (one
/// look) and at most <see cref="Maximum"/>. A clear change stops at its first look and leaves its share
/// to the controls and small changes after it, and the whole stays inside the main job's 10 minutes.
/// </summary>
internal sealed record RoundsBudget(TimeSpan Total, TimeSpan Minimum, TimeSpan Maximum, int Planned)
{
    /// <summary>The budget of the next comparison, after <paramref name="done"/> comparisons spent <paramref name="spent"/>, at most <paramref name="maximum"/> (default <see cref="Maximum"/>).</summary>
    public TimeSpan Next(int done, TimeSpan spent, TimeSpan? maximum = null)
    {
        var after = Math.Max(Planned - done - 1, 0);
        var share = Total - spent - (Minimum * after);
        var most = maximum ?? Maximum;
        return share < Minimum ? Minimum : share > most ? most : share;
    }
}
