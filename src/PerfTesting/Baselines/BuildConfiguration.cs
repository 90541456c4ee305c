using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PerfTesting.Baselines;

/// <summary>
/// Whether an assembly was compiled with the JIT optimizer disabled (a Debug build, "Debug") or not
/// ("Release"), read from its <see cref="DebuggableAttribute"/> as the runtime does. A Debug build's
/// timings are the unoptimized code's, so a measurement records it (<see cref="EnvironmentFingerprint.Configuration"/>)
/// and <c>perftest compare</c> refuses a Debug side.
/// </summary>
public static class BuildConfiguration
{
    /// <summary>The configuration of an optimized build.</summary>
    public const string Release = "Release";

    /// <summary>The configuration of a build whose JIT optimizer is disabled.</summary>
    public const string Debug = "Debug";

    /// <summary>"Debug" when <paramref name="assembly"/> disables JIT optimization, else "Release".</summary>
    /// <param name="assembly">A loaded assembly.</param>
    public static string Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true ? Debug : Release;
    }

    /// <summary>The configuration of the process's entry assembly (the test project or the app measuring), or null when there is none.</summary>
    public static string? OfEntryAssembly() => Assembly.GetEntryAssembly() is { } entry ? Of(entry) : null;

    /// <summary>
    /// The configuration of an assembly file, read from its metadata without loading it (a service's
    /// published entry assembly, whose dependencies this process does not have).
    /// </summary>
    /// <param name="path">A .dll or .exe with .NET metadata.</param>
    /// <returns>"Debug" or "Release".</returns>
    /// <exception cref="BadImageFormatException">The file has no .NET metadata.</exception>
    public static string OfFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{path} has no .NET metadata.", path);
        }

        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Name) != nameof(DebuggableAttribute) || reader.GetString(type.Namespace) != "System.Diagnostics")
            {
                continue;
            }

            // The blob: prolog 0x0001, then either (bool tracking, bool optimizerDisabled) or (DebuggingModes modes as int32).
            var blob = reader.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            bool disabled;
            if (blob.Length == 6)
            {
                blob.ReadBoolean();
                disabled = blob.ReadBoolean();
            }
            else
            {
                disabled = ((DebuggableAttribute.DebuggingModes)blob.ReadInt32()).HasFlag(DebuggableAttribute.DebuggingModes.DisableOptimizations);
            }

            return disabled ? Debug : Release;
        }

        return Release;
    }
}
