namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The published on-demand prices the cost table computes with: US East (N. Virginia), Linux/x86,
/// first pricing tier, no free tier, no Savings Plans. Written down 2026-11-30 from:
/// Lambda, https://aws.amazon.com/lambda/pricing/ ($0.20 per 1M requests, $0.0000166667 per GB-second
/// for x86 in the first 6 billion GB-seconds a month; duration is billed per 1 ms, and since
/// 2025-08-01 the INIT phase of a cold start is billed as duration too:
/// https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/);
/// Fargate, https://aws.amazon.com/fargate/pricing/ ($0.04048 per vCPU-hour, $0.004445 per GB-hour,
/// Linux/x86; the same figures are quoted by vantage.sh/blog/fargate-pricing). Prices change: a run on
/// AWS must re-read them.
/// </summary>
/// <param name="LambdaPerRequest">Dollars per Lambda request.</param>
/// <param name="LambdaPerGbSecond">Dollars per GB-second of configured memory times billed duration.</param>
/// <param name="FargatePerVcpuHour">Dollars per vCPU-hour of a Fargate task.</param>
/// <param name="FargatePerGbHour">Dollars per GB-hour of a Fargate task's memory.</param>
internal sealed record CloudPrices(double LambdaPerRequest, double LambdaPerGbSecond, double FargatePerVcpuHour, double FargatePerGbHour)
{
    /// <summary>The figures above, as written down on <see cref="AsOf"/>.</summary>
    public static CloudPrices UsEast1OnDemand { get; } = new(0.20 / 1_000_000, 0.0000166667, 0.04048, 0.004445);

    public const string AsOf = "2026-11-30";

    public const string Sources = "aws.amazon.com/lambda/pricing and aws.amazon.com/fargate/pricing, us-east-1, Linux/x86, on-demand, first tier, free tier ignored";
}
