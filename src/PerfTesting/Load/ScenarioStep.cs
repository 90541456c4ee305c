namespace PerfTesting.Load;

/// <summary>One iteration of a scenario: do the work, honour the token, say how it went.</summary>
/// <param name="context">The virtual client running it.</param>
/// <param name="cancellationToken">Cancelled when the run stops.</param>
/// <returns>The outcome; a thrown exception counts as a failure classified by its type.</returns>
public delegate ValueTask<StepOutcome> ScenarioStep(ScenarioContext context, CancellationToken cancellationToken);
