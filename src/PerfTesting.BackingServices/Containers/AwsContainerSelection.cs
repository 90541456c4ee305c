namespace PerfTesting.BackingServices.Containers;

/// <summary>Reads <c>PERF_CONTAINERS_AWS</c> and decides, from the images the engine holds, which AWS container to start.</summary>
public static class AwsContainerSelection
{
    /// <summary>The environment variable: <c>localstack</c>, <c>emulators</c> or <c>auto</c> (the default).</summary>
    public const string Variable = "PERF_CONTAINERS_AWS";

    /// <summary>Parses the setting; null or empty means <see cref="AwsContainerChoice.Auto"/>.</summary>
    /// <param name="value">The setting.</param>
    /// <returns>The choice.</returns>
    /// <exception cref="BackingServicesUnavailableException">The value is not one of the three.</exception>
    public static AwsContainerChoice Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => AwsContainerChoice.Auto,
        "localstack" => AwsContainerChoice.LocalStack,
        "emulators" or "emulator" => AwsContainerChoice.Emulators,
        _ => throw new BackingServicesUnavailableException($"{Variable}={value} is not one of localstack, emulators, auto."),
    };

    /// <summary>
    /// The container to start. An explicit choice wins. Automatic: LocalStack when its image is present
    /// (GitHub's runners and laptops that pulled it), else the emulator image when present (machines
    /// without a registry, after <c>tools/docker/engine.sh start</c>), else LocalStack, which
    /// Testcontainers then pulls.
    /// </summary>
    /// <param name="choice">The setting.</param>
    /// <param name="localStackImagePresent">Whether the LocalStack image is in the engine.</param>
    /// <param name="emulatorsImagePresent">Whether the emulator image is in the engine.</param>
    /// <returns><see cref="AwsContainerChoice.LocalStack"/> or <see cref="AwsContainerChoice.Emulators"/>.</returns>
    public static AwsContainerChoice Decide(AwsContainerChoice choice, bool localStackImagePresent, bool emulatorsImagePresent) => choice switch
    {
        AwsContainerChoice.Auto when !localStackImagePresent && emulatorsImagePresent => AwsContainerChoice.Emulators,
        AwsContainerChoice.Auto => AwsContainerChoice.LocalStack,
        _ => choice,
    };
}
