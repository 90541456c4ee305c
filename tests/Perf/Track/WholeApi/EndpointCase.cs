using PerfTesting.Load;

namespace Tests.Perf.Track.WholeApi;

/// <summary>One endpoint as measured: its route, the store it touches ("–" for none), and its scenario.</summary>
/// <param name="Endpoint">Method and route, as in the table.</param>
/// <param name="Store">s3, postgres, or "–" when the endpoint touches no archive store.</param>
/// <param name="Scenario">One request to the endpoint per iteration.</param>
/// <param name="Serial">True for endpoints measured one request at a time (reset, workload trigger).</param>
/// <param name="Together">True when the endpoint also runs in the all-endpoints-together run.</param>
internal sealed record EndpointCase(string Endpoint, string Store, Scenario Scenario, bool Serial = false, bool Together = true);
