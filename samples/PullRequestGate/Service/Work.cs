namespace GateService;

/// <summary>The CPU work each request does: the one number a pull request changes to make the service slower or faster.</summary>
public static class Work
{
    /// <summary>Steps of CPU work per request.</summary>
    public const int WorkUnits = 200_000;

    /// <summary>Does <see cref="WorkUnits"/> steps of a pseudo-random walk; the result is returned so the JIT cannot skip the loop.</summary>
    /// <param name="seed">Where the walk starts.</param>
    public static ulong Run(ulong seed)
    {
        var x = seed;
        for (var i = 0; i < WorkUnits; i++)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            x ^= x >> 29;
        }

        return x;
    }
}
