namespace Tests.Integration.BackingServices.Containers;

/// <summary>Sets DOCKER_HOST for one test and restores it afterwards.</summary>
[CollectionDefinition(nameof(DockerHostVariable), DisableParallelization = true)]
public sealed class DockerHostVariable : IDisposable
{
    private readonly string? _previous;

    private DockerHostVariable(string value)
    {
        _previous = System.Environment.GetEnvironmentVariable("DOCKER_HOST");
        System.Environment.SetEnvironmentVariable("DOCKER_HOST", value);
    }

    public static DockerHostVariable Set(string value) => new(value);

    public void Dispose() => System.Environment.SetEnvironmentVariable("DOCKER_HOST", _previous);
}
