using System.Globalization;

namespace PerfTesting.Load;

/// <summary>Closed model by count: the clients share a number of measured iterations, each taking the next while any are left (k6's shared-iterations).</summary>
public sealed record SharedIterationsProfile : ClosedLoadProfile
{
    internal SharedIterationsProfile(int clients, long totalIterations)
        : base([new ClientStage(DefaultTimeLimit, clients)]) => TotalIterations = totalIterations;

    /// <summary>Measured iterations across all clients.</summary>
    public long TotalIterations { get; }

    internal override TimeSpan NominalLength => TimeLimit;

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"closed model: {MaxClients} clients, {TotalIterations} iterations in all{WarmUpText}");

    internal override Executors.Executor CreateExecutor(Executors.LoadRunContext run) => new Executors.SharedIterationsExecutor(this, run);

    internal SharedIterationsProfile Validated()
    {
        ValidateStages();
        return TotalIterations > 0
            ? this
            : throw new ArgumentOutOfRangeException(nameof(TotalIterations), TotalIterations, "Iteration counts must be positive.");
    }
}
