namespace Registry.Hosting;

/// <summary>Work that needs the backing services and must finish before requests are served (creating tables).</summary>
internal interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
