namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>What one registry instance used over its life, read from /proc when it was retired.</summary>
/// <param name="PeakResidentBytes">VmHWM: the instance's peak resident set; null when the process had ended before it could be read.</param>
/// <param name="StartupCpuSeconds">CPU from process start until it was ready to serve; null when it could not be read.</param>
/// <param name="ServingCpuSeconds">CPU while it served (ready to retirement); null when the process had ended before it could be read.</param>
/// <param name="StartupSeconds">Wall time from process start to healthy (the INIT phase's stand-in).</param>
/// <param name="Requests">Requests it served (those in flight when it crashed included).</param>
/// <param name="RetiredIdle">Retired because it sat idle past the keep-warm window (not at the end of the run).</param>
/// <param name="Crashed">Its process ended on its own before it was retired (a crash, or killed from outside).</param>
internal sealed record InstanceUsage(long? PeakResidentBytes, double? StartupCpuSeconds, double? ServingCpuSeconds, double StartupSeconds, int Requests, bool RetiredIdle, bool Crashed = false);
