namespace HistoryTrust;

/// <summary>Synthetic history series: a level, Gaussian run-to-run noise of a given CV, and upward outliers (a slow run).</summary>
/// <param name="cv">Coefficient of variation of a run.</param>
/// <param name="outlierRate">Share of runs that are outliers.</param>
/// <param name="random">The seeded source.</param>
internal sealed class SeriesFactory(double cv, double outlierRate, Random random)
{
    /// <summary>Outliers are 20% to 60% slower than the level: a neighbour's build, a GC storm, a cold cache.</summary>
    public const double OutlierMin = 0.2;

    /// <summary>See <see cref="OutlierMin"/>.</summary>
    public const double OutlierMax = 0.6;

    /// <summary>A series of <paramref name="length"/> points whose level rises by <paramref name="step"/> (relative) from index <paramref name="at"/> on.</summary>
    public double[] Create(int length, int at = int.MaxValue, double step = 0)
    {
        var series = new double[length];
        for (var i = 0; i < length; i++)
        {
            var level = 100.0 * (i >= at ? 1 + step : 1);
            var value = level * (1 + cv * Gaussian());
            if (random.NextDouble() < outlierRate)
            {
                value *= 1 + OutlierMin + (OutlierMax - OutlierMin) * random.NextDouble();
            }

            series[i] = value;
        }

        return series;
    }

    private double Gaussian()
    {
        // Box-Muller.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
