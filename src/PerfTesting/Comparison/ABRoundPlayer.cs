namespace PerfTesting.Comparison;

/// <summary>Plays one round: both sides once, at the same time (duet) or one after the other, in the given order.</summary>
internal static class ABRoundPlayer
{
    /// <summary>Runs A and B once each.</summary>
    /// <param name="schedule">Duet or interleaved.</param>
    /// <param name="first">Which side starts.</param>
    /// <param name="measure">Runs one side once.</param>
    /// <param name="cancellationToken">Stops the round.</param>
    public static async Task<(ABSample A, ABSample B)> PlayAsync(ABSchedule schedule, ABSide first, Func<ABSide, CancellationToken, Task<ABSample>> measure, CancellationToken cancellationToken)
    {
        var second = first == ABSide.A ? ABSide.B : ABSide.A;
        ABSample one, two;
        if (schedule == ABSchedule.Duet)
        {
            // Started in the shuffled order, a moment apart; then both run together.
            var firstRun = measure(first, cancellationToken);
            var secondRun = measure(second, cancellationToken);
            (one, two) = (await firstRun.ConfigureAwait(false), await secondRun.ConfigureAwait(false));
        }
        else
        {
            one = await measure(first, cancellationToken).ConfigureAwait(false);
            two = await measure(second, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return first == ABSide.A ? (one, two) : (two, one);
    }
}
