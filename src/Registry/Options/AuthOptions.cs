using System.ComponentModel.DataAnnotations;

namespace Registry.Options;

/// <summary>
/// Bearer tokens (section <c>Auth</c>; <c>REGISTRY_ADMIN_TOKEN</c> and <c>REGISTRY_READER_TOKEN</c> override).
/// A reader lists and downloads; an admin also uploads, resets and starts workloads.
/// </summary>
internal sealed class AuthOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The token that ships in appsettings.json for local use; a warning is logged while it is in use.</summary>
    public const string DevelopmentAdminToken = "dev-admin-token-change-me";

    /// <summary>The reader token that ships in appsettings.json.</summary>
    public const string DevelopmentReaderToken = "dev-reader-token-change-me";

    /// <summary>Admin token, at least 16 characters.</summary>
    [Required]
    [MinLength(16)]
    public string AdminToken { get; set; } = "";

    /// <summary>Reader token, at least 16 characters, different from the admin's.</summary>
    [Required]
    [MinLength(16)]
    public string ReaderToken { get; set; } = "";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminToken == ReaderToken)
        {
            yield return new ValidationResult("Auth:AdminToken and Auth:ReaderToken must differ.", [nameof(ReaderToken)]);
        }
    }
}
