using System.Text.Json;
using System.Text.Json.Serialization;
using EvidenceVault.Domain.Naming;

namespace EvidenceVault.Hosting;

/// <summary>Loads recorder naming profiles: custom ones from a JSON file first, then the built-in ones.</summary>
public static class RecorderProfiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyList<RecorderProfile> Load(string? file)
    {
        if (file is null)
        {
            return RecorderProfile.BuiltIn;
        }

        try
        {
            var custom = JsonSerializer.Deserialize<RecorderProfile[]>(File.ReadAllText(file), Json) ?? [];
            foreach (var profile in custom)
            {
                _ = new RecorderNameParser([profile], TimeZoneInfo.Utc);
            }

            return [.. custom, .. RecorderProfile.BuiltIn];
        }
        catch (Exception ex) when (ex is IOException or JsonException or ArgumentException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"The recorder profiles file '{file}' cannot be used: {ex.Message}", ex);
        }
    }

    public static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ConfigurationException($"The time zone '{id}' is unknown (use an IANA id such as Asia/Shanghai).", ex);
        }
    }
}
