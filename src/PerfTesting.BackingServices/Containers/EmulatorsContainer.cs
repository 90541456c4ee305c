using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace PerfTesting.BackingServices.Containers;

/// <summary>
/// The s3rver + dynalite image (<see cref="ContainerImages.DefaultEmulators"/>) through Testcontainers'
/// generic builder: both ports published on random host ports, ready when each emulator answers
/// <c>GET /</c> with 200 (s3rver lists buckets, dynalite reports healthy).
/// </summary>
public static class EmulatorsContainer
{
    /// <summary>s3rver's port inside the container.</summary>
    public const ushort S3Port = 4569;

    /// <summary>dynalite's port inside the container.</summary>
    public const ushort DynamoDbPort = 4567;

    /// <summary>Builds (does not start) the container.</summary>
    /// <param name="image">The image.</param>
    /// <param name="labels">Labels to put on it (the owning run).</param>
    /// <returns>The container.</returns>
    public static IContainer Build(string image, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var readyWithin = TimeSpan.FromMinutes(2);
        return new ContainerBuilder(image)
            .WithPortBinding(S3Port, assignRandomHostPort: true)
            .WithPortBinding(DynamoDbPort, assignRandomHostPort: true)
            .WithLabel(labels.ToDictionary())
            .WithWaitStrategy(Wait.ForUnixContainer()
                .UntilHttpRequestIsSucceeded(request => request.ForPort(S3Port).ForPath("/"), wait => wait.WithTimeout(readyWithin))
                .UntilHttpRequestIsSucceeded(request => request.ForPort(DynamoDbPort).ForPath("/"), wait => wait.WithTimeout(readyWithin)))
            .Build();
    }
}
