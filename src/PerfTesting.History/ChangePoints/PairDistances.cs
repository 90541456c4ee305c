namespace PerfTesting.History.ChangePoints;

/// <summary>
/// E-Divisive's divergence Q̂ between the two sides of a split (Matteson and James 2014, with Otava's
/// pair-distance form, power 1): all pairwise distances of a window summed once into a 2D prefix table,
/// so the Q̂ of any (τ, κ) is a few lookups instead of Otava's cumulative-sum matrices.
/// </summary>
internal sealed class PairDistances
{
    private readonly double[,] _prefix;

    public PairDistances(IReadOnlyList<double> window)
    {
        var n = window.Count;
        _prefix = new double[n + 1, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                _prefix[i + 1, j + 1] = Math.Abs(window[i] - window[j]) + _prefix[i, j + 1] + _prefix[i + 1, j] - _prefix[i, j];
            }
        }
    }

    /// <summary>Q̂(X, Y) for X = [start, tau), Y = [tau, kappa).</summary>
    public double QHat(int start, int tau, int kappa)
    {
        var n = tau - start;
        var m = kappa - tau;
        var total = n + m;
        var cross = Block(start, tau, tau, kappa);
        var q = 2.0 / total * cross;
        if (n > 1)
        {
            q -= 2.0 * m / total / (n - 1) * (Block(start, tau, start, tau) / 2);
        }

        if (m > 1)
        {
            q -= 2.0 * n / total / (m - 1) * (Block(tau, kappa, tau, kappa) / 2);
        }

        return q;
    }

    /// <summary>
    /// The best split of [start, end): the τ (and κ) maximising Q̂, first in τ then κ order on ties as
    /// numpy's argmax is; τ leaves at least <paramref name="minimumSegment"/> points on each side of [start, end).
    /// </summary>
    public (int Tau, double QHat)? BestSplit(int start, int end, int minimumSegment)
    {
        (int, double)? best = null;
        for (var tau = start + 1; tau < end; tau++)
        {
            if (tau - start < minimumSegment || end - tau < minimumSegment)
            {
                continue;
            }

            for (var kappa = tau + 1; kappa <= end; kappa++)
            {
                var q = QHat(start, tau, kappa);
                if (best is null || q > best.Value.Item2)
                {
                    best = (tau, q);
                }
            }
        }

        return best;
    }

    private double Block(int rowStart, int rowEnd, int columnStart, int columnEnd) =>
        _prefix[rowEnd, columnEnd] - _prefix[rowStart, columnEnd] - _prefix[rowEnd, columnStart] + _prefix[rowStart, columnStart];
}
