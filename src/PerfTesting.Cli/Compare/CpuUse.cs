using System.Globalization;

namespace PerfTesting.Cli.Compare;

/// <summary>
/// What the CPU did during the rounds: each side's service, the load generator, and the whole machine.
/// A verdict taken while the load generator or the machine was saturated may say more about the machine
/// than about the code, so the report warns then.
/// </summary>
/// <param name="Seconds">Wall-clock time of the rounds.</param>
/// <param name="ACpu">Side A's CPU time.</param>
/// <param name="BCpu">Side B's CPU time.</param>
/// <param name="GeneratorCpu">The load generator's CPU time; null when unknown.</param>
/// <param name="MachineBusy">The busy share of all cores (0 to 1); null when unknown.</param>
/// <param name="Cores">Logical cores.</param>
internal sealed record CpuUse(double Seconds, TimeSpan ACpu, TimeSpan BCpu, TimeSpan? GeneratorCpu, double? MachineBusy, int Cores)
{
    /// <summary>The machine counts as saturated at this busy share.</summary>
    public const double MachineSaturated = 0.90;

    /// <summary>The generator counts as saturated when it used this share of all cores (it then competes with the services it measures).</summary>
    public const double GeneratorSaturated = 0.45;

    /// <summary>Lines for the report: the figures, then any warnings.</summary>
    public IReadOnlyList<string> Lines()
    {
        string Cores(TimeSpan cpu) => Seconds <= 0 ? "n/a" : (cpu.TotalSeconds / Seconds).ToString("0.00", CultureInfo.InvariantCulture) + " cores";
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"CPU during the rounds ({Seconds:0} s, {this.Cores} cores): A used {ACpu.TotalSeconds:0.0} s ({Cores(ACpu)}), B used {BCpu.TotalSeconds:0.0} s ({Cores(BCpu)}), "
                + $"the load generator {(GeneratorCpu is { } g ? $"{g.TotalSeconds:0.0} s ({Cores(g)})" : "unknown")}, the machine was {(MachineBusy is { } m ? $"{m * 100:0}% busy" : "of unknown load")}."),
        };
        if (MachineBusy >= MachineSaturated)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"⚠️ The machine was saturated ({MachineBusy * 100:0}% of {this.Cores} cores busy): the verdict may reflect the machine rather than the code; rerun on a quieter machine to be sure."));
        }

        if (GeneratorCpu is { } generator && Seconds > 0 && generator.TotalSeconds / Seconds >= GeneratorSaturated * this.Cores)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"⚠️ The load generator was saturated ({generator.TotalSeconds / Seconds:0.00} of {this.Cores} cores): it competed with the services it measured, so latencies include its own queueing."));
        }

        return lines;
    }
}
