using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Performance;

/// <summary>Strict JSON for workload requests: unknown members, numbers in strings and comments are errors.</summary>
internal static class WorkloadJson
{
    public static JsonSerializerOptions Strict { get; } = new(JsonSerializerDefaults.General)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        PropertyNameCaseInsensitive = false,
    };
}
