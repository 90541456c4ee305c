namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The cost arithmetic against figures worked out by hand (each expected value's working is in its
/// comment), with round prices so the working is easy to follow, and once with the published ones.
/// </summary>
public sealed class CostModelTests
{
    // $1 per 1M requests, $0.00001 per GB-s; $0.04 per vCPU-hour, $0.004 per GB-hour.
    private static readonly CloudPrices RoundPrices = new(0.000001, 0.00001, 0.04, 0.004);

    // 1,024 MB, 100 ms on the instance, 10 CPU ms, 1 s INIT paid by 1% of requests.
    private static readonly LambdaUsage Lambda = new(MemoryMb: 1024, InvokeSeconds: 0.1, CpuSeconds: 0.01, InitSeconds: 1, ColdStartFraction: 0.01);

    // 1 vCPU / 2 GB tasks, 10 CPU ms per request, scaled to 50% CPU, at least one task.
    private static readonly FargateUsage Fargate = new(TaskVcpu: 1, TaskMemoryGb: 2, CpuSeconds: 0.01, TargetUtilisation: 0.5, MinimumTasks: 1);

    [Fact]
    public void LambdaBilledSeconds_IsTheMeasuredTimePlusTheInitShare()
    {
        // CPU at 1024/1769 vCPU: 0.01 / 0.5789 = 0.0173 s, shorter than 0.1 s; plus 0.01 x 1 s = 0.11 s.
        Assert.Equal(0.11, CostModel.LambdaBilledSeconds(Lambda), 9);
    }

    [Fact]
    public void LambdaBilledSeconds_IsStretchedWhenTheMemorysCpuShareIsTooSmall()
    {
        // 128 MB is 128/1769 = 0.072357 vCPU: 0.01 CPU s takes 0.01 / 0.072357 = 0.138203 s, longer than 0.1 s.
        var small = Lambda with { MemoryMb = 128, ColdStartFraction = 0 };
        Assert.Equal(0.01 * 1769 / 128, CostModel.LambdaBilledSeconds(small), 9);
        Assert.Equal(0.138203125, CostModel.LambdaBilledSeconds(small), 6);
    }

    [Fact]
    public void LambdaMonthly_IsRequestsTimesRequestAndDurationPrice()
    {
        // Per request: $0.000001 + 1 GB x 0.11 s x $0.00001 = $0.0000021. At 10/s: 26,280,000 requests a month -> $55.188.
        Assert.Equal(0.0000021, CostModel.LambdaCostPerRequest(Lambda, RoundPrices), 12);
        Assert.Equal(55.188, CostModel.LambdaMonthly(10, Lambda, RoundPrices), 6);
    }

    [Theory]
    [InlineData(1, 1)] // 0.01 CPU s/s over 0.5 vCPU usable per task: 0.02 tasks -> the minimum, 1
    [InlineData(50, 1)] // 0.5 / 0.5 = 1 task exactly
    [InlineData(51, 2)] // 0.51 / 0.5 = 1.02 -> 2
    [InlineData(100, 2)] // 1 / 0.5 = 2
    [InlineData(1000, 20)] // 10 / 0.5 = 20
    public void FargateTasks_KeepEachTaskAtTheTargetUtilisation(double rate, int tasks)
    {
        Assert.Equal(tasks, CostModel.FargateTasks(rate, Fargate));
    }

    [Fact]
    public void FargateMonthly_IsTasksTimesVcpuAndMemoryHours()
    {
        // One task: (1 x $0.04 + 2 x $0.004) x 730 h = $0.048 x 730 = $35.04. At 100/s two tasks: $70.08.
        Assert.Equal(35.04, CostModel.FargateTaskMonthly(Fargate, RoundPrices), 9);
        Assert.Equal(70.08, CostModel.FargateMonthly(100, Fargate, RoundPrices), 9);
    }

    [Fact]
    public void BreakEven_IsWhereLambdasLineMeetsTheFirstTaskAndLeavesTheStaircase()
    {
        // a = 2,628,000 s x $0.0000021 = $5.5188 a month per request/s; c = $35.04; k = 0.02 tasks per request/s.
        // Lambda cheaper below c/a = 35.04 / 5.5188 = 6.34920 requests/s;
        // Fargate never dearer from c/(a - c k) = 35.04 / (5.5188 - 0.7008) = 7.27252 requests/s.
        var breakEven = CostModel.BreakEvenRate(Lambda, Fargate, RoundPrices);
        Assert.Equal(35.04 / 5.5188, breakEven.LambdaCheaperBelow!.Value, 9);
        Assert.Equal(35.04 / (5.5188 - 0.7008), breakEven.FargateCheaperFrom!.Value, 9);

        // At the first rate the two monthly costs are equal; from the second on Fargate never costs more.
        Assert.Equal(CostModel.FargateMonthly(breakEven.LambdaCheaperBelow.Value, Fargate, RoundPrices), CostModel.LambdaMonthly(breakEven.LambdaCheaperBelow.Value, Lambda, RoundPrices), 6);
        for (var rate = breakEven.FargateCheaperFrom.Value; rate < 2000; rate += 0.5)
        {
            Assert.True(CostModel.FargateMonthly(rate, Fargate, RoundPrices) <= CostModel.LambdaMonthly(rate, Lambda, RoundPrices), $"Fargate dearer at {rate} requests/s");
        }
    }

    [Fact]
    public void BreakEven_IsNoneWhenLambdaCostsLessPerRequestThanAFullyUsedTask()
    {
        // A request that costs Lambda $0.000001 + 0.125 GB x 0.001 s x $0.00001 ~ $0.000001 while it takes
        // a task 1 CPU s (at 50%: 2 task-seconds, $0.0000267): Lambda is cheaper at every rate.
        var light = new LambdaUsage(128, 0.001, 0.0001, 0, 0);
        var heavy = Fargate with { CpuSeconds = 1 };
        var breakEven = CostModel.BreakEvenRate(light, heavy, RoundPrices);
        Assert.Null(breakEven.LambdaCheaperBelow);
        Assert.Null(breakEven.FargateCheaperFrom);
        Assert.True(CostModel.LambdaMonthly(1000, light, RoundPrices) < CostModel.FargateMonthly(1000, heavy, RoundPrices));
    }

    [Theory]
    [InlineData(50L * 1024 * 1024, 128)] // below the minimum
    [InlineData(150L * 1024 * 1024, 192)] // 150 MiB -> next 64 MB step
    [InlineData(256L * 1024 * 1024, 256)] // exactly a step
    public void LambdaMemory_IsThePeakRoundedUpTo64Mb(long peakBytes, double memoryMb)
    {
        Assert.Equal(memoryMb, CostModel.LambdaMemoryMbFor(peakBytes));
    }

    [Fact]
    public void FargateTask_IsTheSmallestOfItsVcpuThatHoldsThePeak()
    {
        Assert.Equal((1.0, 2.0), CostModel.FargateTaskFor(1, 300L * 1024 * 1024));
        Assert.Equal((1.0, 3.0), CostModel.FargateTaskFor(1, 2200L * 1024 * 1024));
        Assert.Throws<ArgumentOutOfRangeException>(() => CostModel.FargateTaskFor(1, 9L * 1024 * 1024 * 1024));
    }

    [Fact]
    public void PublishedPrices_GiveTheKnownFigures()
    {
        // A 1 vCPU / 2 GB task: (0.04048 + 2 x 0.004445) x 730 = 0.04937 x 730 = $36.0401 a month.
        var task = Fargate with { TaskMemoryGb = 2 };
        Assert.Equal(36.0401, CostModel.FargateTaskMonthly(task, CloudPrices.UsEast1OnDemand), 9);

        // 1M requests of 1 GB for 1 s: $0.20 + 1,000,000 GB-s x $0.0000166667 = $16.8667.
        var second = new LambdaUsage(1024, 1, 0, 0, 0);
        Assert.Equal(16.8667, 1_000_000 * CostModel.LambdaCostPerRequest(second, CloudPrices.UsEast1OnDemand), 6);
    }
}
