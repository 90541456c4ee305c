namespace PerfTesting.Comparison.Gate;

/// <summary>
/// The one rule that turns a comparison's overall verdict and an <see cref="InconclusivePolicy"/> into a
/// gate's outcome and the sentence a report opens with. tools/gate-verdict.sh applies the same rule to a
/// results.json (tests/Unit/Comparison/GateDecisionTests checks both against one table).
/// </summary>
/// <param name="Outcome">The outcome (its value is the exit code).</param>
/// <param name="Headline">One line for the top of the report and the log: the outcome, and the policy when it mattered.</param>
public sealed record GateDecision(GateOutcome Outcome, string Headline)
{
    /// <summary>Decides.</summary>
    /// <param name="overall">The comparison's overall verdict.</param>
    /// <param name="policy">What Inconclusive does.</param>
    public static GateDecision Of(Verdict overall, InconclusivePolicy policy) => (overall, policy) switch
    {
        (Verdict.Regressed, _) => new(GateOutcome.Regressed, "❌ Regressed: the gate fails (exit 1)."),
        (Verdict.Improved, _) => new(GateOutcome.Passed, "🚀 Improved: the gate passes (exit 0)."),
        (Verdict.Same, _) => new(GateOutcome.Passed, "✅ Same: the gate passes (exit 0)."),
        (Verdict.Inconclusive, InconclusivePolicy.Fail) => new(GateOutcome.InconclusiveFailed,
            "❔ Inconclusive: the rounds could not resolve the tolerance, and the policy is --inconclusive fail: the gate fails (exit 3)."),
        (Verdict.Inconclusive, InconclusivePolicy.Warn) => new(GateOutcome.Passed,
            "⚠️ WARNING: Inconclusive: the rounds could not resolve the tolerance; the policy is --inconclusive warn, so the gate passes (exit 0) without having ruled out a regression."),
        (Verdict.Inconclusive, _) => new(GateOutcome.Passed,
            "❔ Inconclusive: the rounds could not resolve the tolerance; the policy is --inconclusive pass: the gate passes (exit 0)."),
        _ => throw new ArgumentOutOfRangeException(nameof(overall), overall, "Unknown verdict."),
    };

    /// <summary>The decision when no comparison finished.</summary>
    /// <param name="why">Why, in a sentence.</param>
    public static GateDecision CouldNotRun(string why) => new(GateOutcome.CouldNotRun, "⛔ The comparison could not run (exit 2): " + why);
}
