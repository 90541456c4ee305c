using System.Security.Cryptography;
using System.Text;
using PerfTesting.Baselines;

namespace PerfTesting.History.Records;

/// <summary>
/// Where and how a recorded run was measured. Series are analysed per environment only: a change of
/// runner, runtime, build configuration or profile is a new series, never a change point.
/// </summary>
/// <param name="CpuModel">The CPU model.</param>
/// <param name="Cores">Logical processors.</param>
/// <param name="Os">The operating system description.</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="Configuration">The build configuration measured (Release, Debug).</param>
/// <param name="Profile">The workload profile (the report's <c>profile=</c> note, e.g. ci or full), or an empty string.</param>
public sealed record HistoryEnvironment(string CpuModel, int Cores, string Os, string Runtime, string Configuration, string Profile)
{
    /// <summary>A short, stable key of every field (12 hex digits of SHA-256), used to group series.</summary>
    public string Key
    {
        get
        {
            var text = string.Join('\n', CpuModel, Cores.ToString(System.Globalization.CultureInfo.InvariantCulture), Os, Runtime, Configuration, Profile);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        }
    }

    /// <summary>A one-line description for reports.</summary>
    public string Describe() =>
        $"{CpuModel}, {Cores} cores, {Os}, {Runtime}, {Configuration}" + (Profile.Length > 0 ? $", profile {Profile}" : "");

    /// <summary>The environment of a report's fingerprint plus what the report does not carry.</summary>
    /// <param name="fingerprint">The report's machine fingerprint.</param>
    /// <param name="configuration">The build configuration.</param>
    /// <param name="profile">The workload profile.</param>
    /// <returns>The environment.</returns>
    public static HistoryEnvironment From(EnvironmentFingerprint fingerprint, string configuration, string profile)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return new(fingerprint.CpuModel, fingerprint.Cores, fingerprint.Os, fingerprint.Runtime, configuration, profile);
    }
}
