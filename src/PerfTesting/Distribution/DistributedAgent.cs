using System.Globalization;
using PerfTesting.Load;

namespace PerfTesting.Distribution;

/// <summary>
/// Who this process is in a distributed run: its index and the agent count, the test it belongs to,
/// its segment, the shared start and where results go. Read from the environment the engine that
/// started it provides, so the same image runs unchanged as a Kubernetes Indexed Job's pod or a
/// GitHub Actions matrix job.
/// </summary>
/// <param name="Index">Zero-based agent index.</param>
/// <param name="Count">Number of agents.</param>
/// <param name="TestId">Names the test; the merge refuses results of different tests.</param>
/// <param name="Segment">This agent's share of the work.</param>
/// <param name="Sequence">All agents' segments.</param>
/// <param name="StartAt">The shared start, or null to start at once.</param>
/// <param name="Results">Where the result goes: a directory, or (for the CLI) an s3://bucket/prefix.</param>
public sealed record DistributedAgent(
    int Index,
    int Count,
    string TestId,
    ExecutionSegment Segment,
    ExecutionSegmentSequence Sequence,
    DateTimeOffset? StartAt,
    string? Results)
{
    /// <summary>The test's id (required).</summary>
    public const string TestIdVariable = "PERF_TEST_ID";

    /// <summary>This agent's zero-based index; GitHub Actions sets it from <c>strategy.job-index</c>.</summary>
    public const string IndexVariable = "PERF_AGENT_INDEX";

    /// <summary>Kubernetes Indexed Jobs set this in every pod; used when <see cref="IndexVariable"/> is absent.</summary>
    public const string KubernetesIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>How many agents (required): the Job's <c>completions</c>, or GitHub's <c>strategy.job-total</c>.</summary>
    public const string CountVariable = "PERF_AGENT_COUNT";

    /// <summary>Optional: this agent's segment, e.g. "1/4:1/2", instead of (index/count, (index+1)/count].</summary>
    public const string SegmentVariable = "PERF_SEGMENT";

    /// <summary>Optional with <see cref="SegmentVariable"/>: all segments, e.g. "0,1/4,1/2,1".</summary>
    public const string SequenceVariable = "PERF_SEGMENT_SEQUENCE";

    /// <summary>Optional: the shared start, ISO 8601 (2026-11-30T02:00:00Z) or Unix seconds.</summary>
    public const string StartAtVariable = "PERF_START_AT";

    /// <summary>Optional: where to write the result (a directory or s3://bucket/prefix).</summary>
    public const string ResultsVariable = "PERF_RESULTS";

    /// <summary>The process's environment as an agent, or null when it is not one (no agent count set).</summary>
    public static DistributedAgent? FromEnvironment() => FromVariables(System.Environment.GetEnvironmentVariable);

    /// <summary>An agent from variables, or null when <see cref="CountVariable"/> is not set.</summary>
    /// <param name="variable">Reads a variable (null when unset).</param>
    /// <exception cref="ArgumentException">A variable is set but invalid; the message names it.</exception>
    public static DistributedAgent? FromVariables(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var countText = variable(CountVariable);
        if (string.IsNullOrWhiteSpace(countText))
        {
            return null;
        }

        var count = Integer(CountVariable, countText, 1, 10_000);
        var indexName = string.IsNullOrWhiteSpace(variable(IndexVariable)) ? KubernetesIndexVariable : IndexVariable;
        var indexText = variable(indexName);
        if (string.IsNullOrWhiteSpace(indexText))
        {
            throw new ArgumentException($"{CountVariable} is set but neither {IndexVariable} nor {KubernetesIndexVariable} is.");
        }

        var index = Integer(indexName, indexText, 0, count - 1);
        var testId = variable(TestIdVariable);
        if (string.IsNullOrWhiteSpace(testId))
        {
            throw new ArgumentException($"{TestIdVariable} must name the test, the same on every agent.");
        }

        var sequence = ExecutionSegmentSequence.Even(count);
        var segment = sequence.Segments[index];
        if (!string.IsNullOrWhiteSpace(variable(SegmentVariable)))
        {
            segment = Parsed(SegmentVariable, () => ExecutionSegment.Parse(variable(SegmentVariable)!));
            var sequenceText = variable(SequenceVariable);
            sequence = string.IsNullOrWhiteSpace(sequenceText)
                ? new ExecutionSegmentSequence([segment])
                : Parsed(SequenceVariable, () => ExecutionSegmentSequence.Parse(sequenceText));
            if (!sequence.Segments.Contains(segment))
            {
                throw new ArgumentException($"{SegmentVariable} {segment} is not one of {SequenceVariable} {sequence}.");
            }
        }

        var startText = variable(StartAtVariable);
        DateTimeOffset? startAt = string.IsNullOrWhiteSpace(startText) ? null : Parsed(StartAtVariable, () => ParseStart(startText));
        var results = variable(ResultsVariable);
        return new DistributedAgent(index, count, testId.Trim(), segment, sequence, startAt, string.IsNullOrWhiteSpace(results) ? null : results.Trim());
    }

    /// <summary>This agent's stripe of every count and arrival sequence.</summary>
    public IndexStripe Stripe => Sequence.StripeOf(Segment);

    /// <summary>Runner options for this agent: its stripe and the shared start.</summary>
    /// <param name="options">The options the test would use on one machine.</param>
    public LoadRunnerOptions ApplyTo(LoadRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { Stripe = Stripe, StartAt = StartAt ?? options.StartAt };
    }

    /// <summary>A directory name that sorts agents in order: agent-0002-of-0004.</summary>
    public string DirectoryName => string.Create(CultureInfo.InvariantCulture, $"agent-{Index:D4}-of-{Count:D4}");

    private static DateTimeOffset ParseStart(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static int Integer(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name}='{text}' must be a whole number from {min} to {max}.");

    private static T Parsed<T>(string name, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{name}: {e.Message}", e);
        }
    }
}
