namespace Registry.Caching;

/// <summary>
/// The current generation of each kind of cached data. Every cache key carries the generation of its
/// kind, so bumping a generation makes every older entry unreachable on every instance at once. A token is short and opaque.
/// </summary>
/// <param name="Models">Bumped by reset: single-record lookups.</param>
/// <param name="Lists">Bumped by upload and reset: list pages.</param>
internal sealed record CacheGeneration(string Models, string Lists);
