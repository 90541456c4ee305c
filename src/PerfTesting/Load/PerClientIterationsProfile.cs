using System.Globalization;

namespace PerfTesting.Load;

/// <summary>Closed model by count: each client runs the same number of measured iterations (k6's per-vu-iterations).</summary>
public sealed record PerClientIterationsProfile : ClosedLoadProfile
{
    internal PerClientIterationsProfile(int clients, long iterationsPerClient)
        : base([new ClientStage(DefaultTimeLimit, clients)]) => IterationsPerClient = iterationsPerClient;

    /// <summary>Measured iterations each client runs.</summary>
    public long IterationsPerClient { get; }

    internal override TimeSpan NominalLength => TimeLimit;

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"closed model: {MaxClients} clients x {IterationsPerClient} iterations{WarmUpText}");

    internal override Executors.Executor CreateExecutor(Executors.LoadRunContext run) => new Executors.PerClientIterationsExecutor(this, run);

    internal PerClientIterationsProfile Validated()
    {
        ValidateStages();
        return IterationsPerClient > 0
            ? this
            : throw new ArgumentOutOfRangeException(nameof(IterationsPerClient), IterationsPerClient, "Iteration counts must be positive.");
    }
}
