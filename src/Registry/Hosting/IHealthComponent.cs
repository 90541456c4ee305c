namespace Registry.Hosting;

/// <summary>A component beyond the backing services that reports itself in /health/components.</summary>
internal interface IHealthComponent
{
    string Name { get; }

    Task<object> DescribeAsync(CancellationToken cancellationToken);
}
