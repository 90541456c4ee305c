namespace Registry.Auth;

/// <summary>The two roles and the authorization policies named after them.</summary>
internal static class Roles
{
    /// <summary>Uploads, resets, starts workloads, and everything a reader does.</summary>
    public const string Admin = "admin";

    /// <summary>Lists and downloads.</summary>
    public const string Reader = "reader";
}
