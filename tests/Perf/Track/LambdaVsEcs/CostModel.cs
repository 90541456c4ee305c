namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// Monthly cost of each shape at a steady request rate, computed (not measured) from measured usage and
/// published prices. Lambda: requests times (request price + configured GB x billed seconds x GB-second
/// price); a function gets CPU in proportion to its memory (1,769 MB is one vCPU), so a request takes at
/// least its measured CPU seconds divided by that share. Fargate: whole tasks, as many as keep each at
/// the target CPU utilisation, never fewer than the minimum, each billed per vCPU-hour and GB-hour.
/// A month is 730 hours (AWS's pricing-page convention). Network, load balancer or API Gateway, S3 and
/// DynamoDB charges are left out of both: the same requests reach the same stores either way.
/// </summary>
internal static class CostModel
{
    public const double HoursPerMonth = 730;
    public const double SecondsPerMonth = HoursPerMonth * 3600;

    /// <summary>Lambda gives a function one full vCPU at this much memory (AWS Lambda developer guide, "Configuring function memory").</summary>
    public const double MbPerLambdaVcpu = 1769;

    /// <summary>Fargate's memory choices for 0.25, 0.5, 1 and 2 vCPU tasks, in GB (AWS Fargate task sizes).</summary>
    private static readonly (double Vcpu, double[] MemoryGb)[] FargateSizes =
    [
        (0.25, [0.5, 1, 2]),
        (0.5, [1, 2, 3, 4]),
        (1, [2, 3, 4, 5, 6, 7, 8]),
        (2, [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
    ];

    /// <summary>The memory to configure: the measured peak rounded up to the next 64 MB, at least Lambda's 128 MB minimum.</summary>
    public static double LambdaMemoryMbFor(long peakResidentBytes)
    {
        var mb = peakResidentBytes / (1024.0 * 1024.0);
        return Math.Max(128, Math.Ceiling(mb / 64) * 64);
    }

    /// <summary>The smallest Fargate task of <paramref name="vcpu"/> vCPUs whose memory holds the measured peak.</summary>
    public static (double Vcpu, double MemoryGb) FargateTaskFor(double vcpu, long peakResidentBytes)
    {
        var gb = peakResidentBytes / (1024.0 * 1024.0 * 1024.0);
        var size = FargateSizes.FirstOrDefault(s => s.Vcpu == vcpu);
        if (size.MemoryGb is null)
        {
            throw new ArgumentOutOfRangeException(nameof(vcpu), vcpu, "Fargate task sizes here: 0.25, 0.5, 1 or 2 vCPU.");
        }

        var memory = size.MemoryGb.Where(m => m >= gb).DefaultIfEmpty(double.NaN).First();
        return double.IsNaN(memory)
            ? throw new ArgumentOutOfRangeException(nameof(peakResidentBytes), peakResidentBytes, $"No {vcpu} vCPU Fargate task holds {gb:0.##} GB.")
            : (vcpu, memory);
    }

    /// <summary>Billed seconds per request: the longer of the measured time and the CPU time at the function's vCPU share, plus the INIT share.</summary>
    public static double LambdaBilledSeconds(LambdaUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var vcpuShare = usage.MemoryMb / MbPerLambdaVcpu;
        return Math.Max(usage.InvokeSeconds, usage.CpuSeconds / vcpuShare) + usage.ColdStartFraction * usage.InitSeconds;
    }

    public static double LambdaCostPerRequest(LambdaUsage usage, CloudPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return prices.LambdaPerRequest + usage.MemoryMb / 1024 * LambdaBilledSeconds(usage) * prices.LambdaPerGbSecond;
    }

    public static double LambdaMonthly(double requestsPerSecond, LambdaUsage usage, CloudPrices prices) =>
        requestsPerSecond * SecondsPerMonth * LambdaCostPerRequest(usage, prices);

    public static int FargateTasks(double requestsPerSecond, FargateUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var needed = Math.Ceiling(requestsPerSecond * usage.CpuSeconds / (usage.TaskVcpu * usage.TargetUtilisation));
        return Math.Max(usage.MinimumTasks, (int)needed);
    }

    public static double FargateTaskMonthly(FargateUsage usage, CloudPrices prices)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(prices);
        return (usage.TaskVcpu * prices.FargatePerVcpuHour + usage.TaskMemoryGb * prices.FargatePerGbHour) * HoursPerMonth;
    }

    public static double FargateMonthly(double requestsPerSecond, FargateUsage usage, CloudPrices prices) =>
        FargateTasks(requestsPerSecond, usage) * FargateTaskMonthly(usage, prices);

    /// <summary>
    /// Lambda costs a·R a month at R requests/s; Fargate c·max(m, ceil(k·R)) with c a task-month, m the
    /// minimum tasks and k tasks per request/s. When a &gt; c·k, Lambda is cheaper below c·m/a and Fargate
    /// is never dearer from max(c·m/a, c/(a − c·k)) on (there c·ceil(k·R) &lt; c·(k·R + 1) &lt;= a·R).
    /// Otherwise Fargate's cost is at least c·k·R &gt;= a·R at every rate.
    /// </summary>
    public static BreakEven BreakEvenRate(LambdaUsage lambda, FargateUsage fargate, CloudPrices prices)
    {
        ArgumentNullException.ThrowIfNull(fargate);
        var a = SecondsPerMonth * LambdaCostPerRequest(lambda, prices);
        var c = FargateTaskMonthly(fargate, prices);
        var k = fargate.CpuSeconds / (fargate.TaskVcpu * fargate.TargetUtilisation);
        if (a <= c * k)
        {
            return new BreakEven(null, null);
        }

        var below = c * fargate.MinimumTasks / a;
        return new BreakEven(below, Math.Max(below, c / (a - c * k)));
    }
}
