using System.Globalization;
using PerfTesting.Reporting.Model;
using PerfTesting.Tables;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The comparison's tables for the report (kept in results.json): every figure of the first is measured
/// in this run, every figure of the second is computed from the first and published prices; titles and
/// columns say which. The track document renders the same tables (<see cref="LambdaVsEcsSection"/>).
/// </summary>
internal static class LambdaVsEcsTables
{
    public const string TitlePrefix = "Lambda versus ECS";
    public const string NotePrefix = "Lambda versus ECS:";
    public const string MeasuredTitle = TitlePrefix + ": measured on this machine";
    public const string CostTitle = TitlePrefix + ": monthly cost, computed";

    /// <summary>The share of requests assumed to pay a cold start in steady traffic: AWS's "under 1% of invocations" (INIT billing post, 2025).</summary>
    public const double AssumedColdStartFraction = 0.01;

    /// <summary>Fargate tasks are scaled to keep their CPU at this share (a common target-tracking setting; an assumption).</summary>
    public const double FargateTargetUtilisation = 0.6;

    public const double FargateTaskVcpu = 1;

    public static IReadOnlyList<ReportTable> Build(IReadOnlyList<(RunReport Run, ShapeMeasurement Shape)> measured, LambdaVsEcsPlan plan, CloudPrices prices)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(plan);
        return [Measured(measured, plan), Cost(measured, prices)];
    }

    public static IReadOnlyList<string> Notes(LambdaVsEcsPlan plan, TimeSpan took, IReadOnlyList<ShapeMeasurement> shapes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shapes);
        return
        [
            .. shapes.Where(s => s.Crashed > 0).Select(Crashes),
            Text($"{NotePrefix} what was simulated. There is no Lambda runtime here and no network between instances: each Lambda \"instance\" is a real registry process (the built Registry.dll, Kestrel on loopback, on the same emulated S3 and DynamoDB), started on demand by an instance manager in the load client that gives each instance one request at a time, keeps idle ones warm for {plan.IdleWindow.TotalSeconds:0} s and allows at most {plan.ConcurrencyLimit} at once (a 2-core machine cannot start 100 .NET processes; the limit stands for Lambda's concurrency limit, and requests over it wait in a queue where Lambda would answer 429 and the caller retry; a request that has not had its first byte after API Gateway's 29 s integration timeout fails). Responses stream up to the 6 MB buffered-response limit and larger archives are served by the presigned-URL redirect ({LambdaLimits.Source}; streamed responses may reach 200 MB but are bandwidth-capped after 6 MB). The ECS shape is one long-lived registry process. Both shapes' instances share these 2 cores with the emulators and the load generator, so concurrent cold starts slow each other down here as they would not in Lambda's separate micro-VMs. This comparison took {took.TotalSeconds:0} s of the track."),
            Text($"{NotePrefix} what a run on AWS must confirm: cold-start time in Lambda's .NET runtime (the INIT phase, with its own CPU allowance) rather than a process start on a shared machine; request duration at the configured memory's CPU share (the cost table assumes CPU scales as memory/1,769 MB); throttling behaviour and retries above the concurrency limit; API Gateway or function-URL overhead and network latency to S3 and DynamoDB; the real cold-start rate of the traffic (the cost table assumes {AssumedColdStartFraction:P0}); Fargate task start and auto-scaling lag under the spike; and the prices, which were written down on {CloudPrices.AsOf}."),
        ];
    }

    private static ReportTable Measured(IReadOnlyList<(RunReport Run, ShapeMeasurement Shape)> measured, LambdaVsEcsPlan plan) => new ReportTable(
        MeasuredTitle,
        Text($"All figures measured in this run (busy shared 2-core machine; compare the shapes within the run, not with other runs). Latency and throughput: the load runs named in the first column. Cold start: process start to the first byte of the response of the request that waited for it, each time one happened. Memory: VmHWM of each instance from /proc/<pid>/status. CPU: utime + stime from /proc/<pid>/stat while serving, per request (start-up apart). An instance whose process ended on its own is counted as crashed and has no memory or CPU figures (the columns are over the others). Lambda concurrency limit {plan.ConcurrencyLimit}, keep-warm {plan.IdleWindow.TotalSeconds:0} s."),
        ["run", "shape", "requests ok / failed", "requests/s", "p50 / p95 / p99 / max ms", "cold starts (requests that paid one)", "cold start ms min / median / max", "queued requests; mean / max wait ms", "instances started / most at once / retired idle / crashed", "peak RSS per instance MiB mean / max", "CPU ms per request", "start-up s; CPU s per instance", "redirected / over limit"],
        [.. measured.Select(m => (IReadOnlyList<string>)
        [
            m.Run.Name,
            m.Shape.Shape,
            Text($"{m.Run.Totals.Succeeded} / {m.Run.Totals.Failed}"),
            Text($"{m.Run.ThroughputPerSecond:0.##}"),
            Text($"{m.Run.Latency.P50:0.#} / {m.Run.Latency.P95:0.#} / {m.Run.Latency.P99:0.#} / {m.Run.Latency.Max:0.#}"),
            ColdStarts(m.Shape, plan),
            m.Shape.ColdStartMs.Count == 0 ? "none" : Text($"{m.Shape.ColdStartMs[0]:0} / {Median(m.Shape.ColdStartMs):0} / {m.Shape.ColdStartMs[^1]:0}"),
            Text($"{m.Shape.Queued}; {m.Shape.MeanQueueWaitMs:0.#} / {m.Shape.MaxQueueWaitMs:0.#}"),
            Instances(m.Shape),
            m.Shape is { MeanPeakResidentBytes: { } mean, MaxPeakResidentBytes: { } max } ? Text($"{mean / 1048576:0} / {max / 1048576.0:0}") : Unread,
            m.Shape.CpuSecondsPerRequest is { } cpu ? Text($"{cpu * 1000:0.##}") : Unread,
            Text($"{(m.Shape.ColdStartMs.Count == 0 ? "long-lived" : Text($"{m.Shape.MeanStartupSeconds:0.##}"))}; {(m.Shape.MeanStartupCpuSeconds is { } startupCpu ? Text($"{startupCpu:0.##}") : Unread)}"),
            Text($"{m.Shape.Redirected} / {m.Shape.OverLimit}"),
        ])]).Validate();

    private static ReportTable Cost(IReadOnlyList<(RunReport Run, ShapeMeasurement Shape)> measured, CloudPrices prices)
    {
        var lambdaRuns = measured.Where(m => m.Shape.Shape == LambdaVsEcsRuns.Lambda).Select(m => m.Shape).ToList();
        var lambdaWorkload = lambdaRuns.First(m => m.Run.EndsWith("-workload", StringComparison.Ordinal));
        var ecsWorkload = measured.Select(m => m.Shape).First(m => m.Shape == LambdaVsEcsRuns.Ecs && m.Run.EndsWith("-workload", StringComparison.Ordinal));
        var lambdaPeak = lambdaRuns.Max(m => m.MaxPeakResidentBytes);
        if (lambdaPeak is null || lambdaWorkload.CpuSecondsPerRequest is null || ecsWorkload is not { MaxPeakResidentBytes: { }, CpuSecondsPerRequest: { } })
        {
            // Every instance of a run the model needs crashed, so there is nothing measured to price.
            return new ReportTable(
                CostTitle,
                Text($"Not computed: the cost model needs the peak RSS and CPU per request measured in `{lambdaWorkload.Run}` and `{ecsWorkload.Run}`, and every instance of one of them crashed before /proc could be read (see the measured table's crashed column)."),
                ["requests/s", "requests a month", "Lambda $/month", "Fargate tasks", "ECS on Fargate $/month", "cheaper"],
                [["not computed", "", "", "", "", ""]]).Validate();
        }

        var lambda = new LambdaUsage(
            CostModel.LambdaMemoryMbFor(lambdaPeak.Value),
            lambdaWorkload.MeanInstanceSeconds,
            lambdaWorkload.CpuSecondsPerRequest.Value,
            lambdaRuns.Where(m => m.ColdStartMs.Count > 0).Select(m => m.MeanStartupSeconds).DefaultIfEmpty(0).Average(),
            AssumedColdStartFraction);
        var task = CostModel.FargateTaskFor(FargateTaskVcpu, ecsWorkload.MaxPeakResidentBytes.Value);
        var fargate = new FargateUsage(task.Vcpu, task.MemoryGb, ecsWorkload.CpuSecondsPerRequest.Value, FargateTargetUtilisation, MinimumTasks: 1);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var rate in LambdaVsEcsPlan.CostRates)
        {
            var lambdaCost = CostModel.LambdaMonthly(rate, lambda, prices);
            var fargateCost = CostModel.FargateMonthly(rate, fargate, prices);
            rows.Add(
            [
                Text($"{rate:0.##}"),
                Text($"{rate * CostModel.SecondsPerMonth / 1e6:0.##} M"),
                Text($"{lambdaCost:0.00}"),
                Text($"{CostModel.FargateTasks(rate, fargate)} x ({fargate.TaskVcpu:0.##} vCPU, {fargate.TaskMemoryGb:0.##} GB)"),
                Text($"{fargateCost:0.00}"),
                lambdaCost < fargateCost ? "Lambda" : "ECS on Fargate",
            ]);
        }

        var breakEven = CostModel.BreakEvenRate(lambda, fargate, prices);
        rows.Add(
        [
            "break-even",
            "",
            breakEven.LambdaCheaperBelow is { } below ? Text($"cheaper below {below:0.###} requests/s") : "cheaper at every rate",
            "",
            breakEven.FargateCheaperFrom is { } from ? Text($"never dearer from {from:0.###} requests/s") : "never cheaper",
            "",
        ]);
        return new ReportTable(
            CostTitle,
            Text($"Computed, not measured: monthly dollars at a steady rate (730 h), prices of {CloudPrices.AsOf} ({CloudPrices.Sources}; Lambda ${prices.LambdaPerRequest * 1e6:0.##} per 1M requests and ${prices.LambdaPerGbSecond:0.##########} per GB-s; Fargate ${prices.FargatePerVcpuHour} per vCPU-hour and ${prices.FargatePerGbHour} per GB-hour). Inputs measured in `{lambdaWorkload.Run}` and `{ecsWorkload.Run}`: Lambda memory {lambda.MemoryMb:0} MB (largest instance peak RSS, rounded up to 64 MB), {lambda.InvokeSeconds * 1000:0.#} ms per request on an instance, {lambda.CpuSeconds * 1000:0.##} CPU ms per request, {lambda.InitSeconds:0.##} s INIT per cold start, billed {CostModel.LambdaBilledSeconds(lambda) * 1000:0.#} ms per request (the longer of the measured time and CPU at memory/1,769 vCPU, plus INIT for an assumed {AssumedColdStartFraction:P0} of requests); Fargate {fargate.TaskVcpu:0.##} vCPU / {fargate.TaskMemoryGb:0.##} GB tasks (the smallest holding the long-lived process's peak RSS), {fargate.CpuSeconds * 1000:0.##} CPU ms per request, scaled to {FargateTargetUtilisation:P0} CPU, at least {fargate.MinimumTasks} task. Load balancer, API Gateway, data transfer, S3 and DynamoDB charges are left out of both."),
            ["requests/s", "requests a month", "Lambda $/month", "Fargate tasks", "ECS on Fargate $/month", "cheaper"],
            rows).Validate();
    }

    /// <summary>What a run's crashed instances mean for its figures.</summary>
    public static string Crashes(ShapeMeasurement shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var replaced = shape.Shape == LambdaVsEcsRuns.Lambda
            ? "a request in flight on one failed (in the failed column), and the instance manager started a new instance for the next request, a cold start, as Lambda replaces a crashed execution environment"
            : "every request after the crash failed (in the failed column): the long-lived process is not restarted here, where ECS would start a new task";
        return Text($"{NotePrefix} in `{shape.Run}`, {shape.Crashed} of {shape.InstancesStarted} instances' processes ended on their own; {replaced}. A crashed instance has no /proc figures left, so its memory and CPU are absent from the run's means.");
    }

    /// <summary>The figure shown where an instance's /proc figures are absent because every instance of the run crashed.</summary>
    public const string Unread = "n/a (crashed)";

    /// <summary>The instances cell: started / most at once / retired idle / crashed.</summary>
    public static string Instances(ShapeMeasurement shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Text($"{shape.InstancesStarted} / {shape.PeakInstances} / {shape.RetiredIdle} / {shape.Crashed}");
    }

    // For the spike, how many of the cold starts came in its 100-client stage (by arrival time since the run was set up).
    private static string ColdStarts(ShapeMeasurement shape, LambdaVsEcsPlan plan)
    {
        if (!shape.Run.EndsWith("-spike", StringComparison.Ordinal) || shape.ColdStartMs.Count == 0)
        {
            return Text($"{shape.ColdStartMs.Count}");
        }

        var stage = plan.SpikeStage.TotalSeconds;
        var inSpike = shape.ColdStartAtSeconds.Count(at => at >= stage && at < 2 * stage);
        return Text($"{shape.ColdStartMs.Count} ({inSpike} in the {plan.SpikeBaseClients * 10}-client stage)");
    }

    private static double Median(IReadOnlyList<double> ascending) => ascending.Count % 2 == 1
        ? ascending[ascending.Count / 2]
        : (ascending[(ascending.Count / 2) - 1] + ascending[ascending.Count / 2]) / 2;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
