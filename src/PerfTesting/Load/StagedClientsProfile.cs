using System.Globalization;

namespace PerfTesting.Load;

/// <summary>
/// Closed model by time: a number of clients per stage, for the stages' total duration. One stage is
/// the constant mode (k6's constant-vus); several make ramps, spikes and stress steps (ramping-vus).
/// </summary>
public sealed record StagedClientsProfile : ClosedLoadProfile
{
    internal StagedClientsProfile(IReadOnlyList<ClientStage> stages)
        : base(stages)
    {
    }

    internal override TimeSpan NominalLength => Duration;

    /// <inheritdoc />
    public override string Describe() => Stages.Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"closed model: {MaxClients} clients for {Seconds(Duration)}{WarmUpText}")
        : "closed model in stages: " + string.Join(", ", Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Clients} clients for {Seconds(s.Duration)}"))) + WarmUpText;

    internal override Executors.Executor CreateExecutor(Executors.LoadRunContext run) =>
        Stages.Count == 1 ? new Executors.ConstantClientsExecutor(this, run) : new Executors.StagedClientsExecutor(this, run);

    internal StagedClientsProfile Validated()
    {
        ValidateStages();
        return this;
    }
}
