namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// Where the two monthly costs cross. Fargate's cost is a staircase (whole tasks), Lambda's a line, so
/// there are two rates: below <paramref name="LambdaCheaperBelow"/> Lambda costs less; at and above
/// <paramref name="FargateCheaperFrom"/> Fargate never costs more; in between the staircase makes them
/// alternate. Both null: Lambda costs less at every rate (its cost per request is below a fully used task's).
/// </summary>
/// <param name="LambdaCheaperBelow">Requests per second.</param>
/// <param name="FargateCheaperFrom">Requests per second.</param>
internal sealed record BreakEven(double? LambdaCheaperBelow, double? FargateCheaperFrom);
