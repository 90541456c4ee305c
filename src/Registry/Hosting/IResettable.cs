namespace Registry.Hosting;

/// <summary>Data beyond the catalog and archives that DELETE /reset must remove (performance runs).</summary>
internal interface IResettable
{
    Task ResetAsync(CancellationToken cancellationToken);
}
