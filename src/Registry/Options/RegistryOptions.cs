using System.ComponentModel.DataAnnotations;

namespace Registry.Options;

/// <summary>Names of the registry's resources and limits on requests (section <c>Registry</c>).</summary>
internal sealed class RegistryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Registry";

    /// <summary>S3 bucket for archives. <value>Default: acme-models.</value></summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", ErrorMessage = "Registry:Bucket must be a valid S3 bucket name.")]
    public string Bucket { get; set; } = "acme-models";

    /// <summary>Prefix of the DynamoDB tables (models, performance_metrics). <value>Default: registry-.</value></summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{0,200}$", ErrorMessage = "Registry:TablePrefix may hold only letters, digits, '_', '.' and '-'.")]
    public string TablePrefix { get; set; } = "registry-";

    /// <summary>PostgreSQL database for archives. <value>Default: registry.</value></summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Registry:Database must be a plain lowercase PostgreSQL identifier.")]
    public string Database { get; set; } = "registry";

    /// <summary>Largest archive accepted; bigger bodies get 413. <value>Default: 2 GiB.</value></summary>
    [Range(1, long.MaxValue)]
    public long MaxArchiveBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest metadata header accepted, in bytes. <value>Default: 8192.</value></summary>
    [Range(2, 65_536)]
    public int MaxMetadataBytes { get; set; } = 8192;
}
