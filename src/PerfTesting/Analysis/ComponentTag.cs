namespace PerfTesting.Analysis;

/// <summary>A tag value that names one component among the measurements of a shared instrument.</summary>
/// <param name="Key">The tag key, e.g. "component".</param>
/// <param name="Value">The component's value, e.g. "s3".</param>
public readonly record struct ComponentTag(string Key, string Value)
{
    /// <inheritdoc />
    public override string ToString() => Key + "=" + Value;
}
