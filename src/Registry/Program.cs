using Registry.Hosting;

return await RegistryHost.RunAsync(args);

/// <summary>Entry point, public so that WebApplicationFactory can host the registry in tests.</summary>
public partial class Program;
