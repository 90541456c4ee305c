namespace Registry.Endpoints;

/// <summary>What <see cref="ResponseBody.CopyAsync"/> did: the bytes sent, and whether it stopped because the client went away.</summary>
internal readonly record struct BodyCopy(long Sent, bool ClientGone);
