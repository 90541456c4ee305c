namespace Registry.Models;

/// <summary>One page of the catalog in key order, with the cursor of the next page (null at the end).</summary>
internal sealed record ModelPage(IReadOnlyList<ModelRecord> Items, string? NextCursor);
