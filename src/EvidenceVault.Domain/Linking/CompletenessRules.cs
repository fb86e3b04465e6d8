using System.Text.Json;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Linking;

/// <summary>
/// The completeness rules, kept as data (JSON) so an agency can add its own without a release.
/// Loading is strict: an unknown field, stage or kind is an error, because a misspelt rule that
/// silently never fires is worse than no rule.
/// </summary>
public sealed class CompletenessRules
{
    public const string BuiltInResourceName = "EvidenceVault.Domain.Linking.completeness-rules.json";

    private static readonly string[] RuleFields = ["id", "stage", "activityType", "requires", "documentType", "message"];

    private static readonly Dictionary<string, RecordingKind[]> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["video"] = [RecordingKind.Video],
        ["audio"] = [RecordingKind.Audio],
        ["photo"] = [RecordingKind.Photo],
        ["text"] = [RecordingKind.Text],
        ["other"] = [RecordingKind.Other],
        ["any"] = Enum.GetValues<RecordingKind>(),
    };

    private CompletenessRules(IReadOnlyList<CompletenessRule> rules) => Rules = rules;

    public IReadOnlyList<CompletenessRule> Rules { get; }

    /// <summary>The rules shipped inside the Domain assembly.</summary>
    public static CompletenessRules LoadBuiltIn()
    {
        using var stream = typeof(CompletenessRules).Assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException($"The built-in resource '{BuiltInResourceName}' is missing from the Domain assembly.");
        return Load(stream);
    }

    /// <summary>Reads rules from JSON: <c>{"rules":[{"id","stage"?,"activityType"?,"requires","documentType"?,"message"}]}</c>.</summary>
    /// <exception cref="FormatException">The JSON is malformed or a rule is invalid; the message says which and why.</exception>
    public static CompletenessRules Load(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Completeness rules are not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("rules", out var array)
                || array.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("Completeness rules must be a JSON object with a \"rules\" array.");
            }

            var rules = new List<CompletenessRule>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var rule = ParseRule(element, index++);
                if (rules.Any(r => string.Equals(r.Id, rule.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new FormatException($"Completeness rule #{index}: the id '{rule.Id}' is used twice.");
                }

                rules.Add(rule);
            }

            return new CompletenessRules(rules);
        }
    }

    private static CompletenessRule ParseRule(JsonElement element, int index)
    {
        var where = $"Completeness rule #{index + 1}";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be a JSON object.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!RuleFields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new FormatException($"{where}: unknown field '{property.Name}'; expected {string.Join(", ", RuleFields)}.");
            }
        }

        var id = RequiredString(element, "id", where);
        where = $"{where} ('{id}')";
        var message = RequiredString(element, "message", where);
        var activityType = OptionalString(element, "activityType", where);
        var documentType = OptionalString(element, "documentType", where);

        ProcedureStage? stage = null;
        if (OptionalString(element, "stage", where) is { } stageName)
        {
            var names = Enum.GetNames<ProcedureStage>();
            var match = names.FirstOrDefault(n => string.Equals(n, stageName, StringComparison.OrdinalIgnoreCase))
                ?? throw new FormatException($"{where}: unknown stage '{stageName}'; expected one of {string.Join(", ", names)}.");
            stage = Enum.Parse<ProcedureStage>(match);
        }

        var requires = ParseRequires(element, where);
        if (documentType is not null && requires.Any(k => k != RecordingKind.Text))
        {
            throw new FormatException($"{where}: documentType applies only to \"requires\": \"text\".");
        }

        return new CompletenessRule(id, stage, activityType, requires, documentType, message);
    }

    private static RecordingKind[] ParseRequires(JsonElement element, string where)
    {
        if (!element.TryGetProperty("requires", out var value))
        {
            throw new FormatException($"{where}: \"requires\" is missing.");
        }

        var names = value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                => value.EnumerateArray().Select(e => e.GetString()!).ToArray(),
            _ => throw new FormatException($"{where}: \"requires\" must be a kind or an array of kinds."),
        };
        if (names.Length == 0)
        {
            throw new FormatException($"{where}: \"requires\" names no kind.");
        }

        return names
            .SelectMany(n => Kinds.TryGetValue(n.Trim(), out var kinds)
                ? kinds
                : throw new FormatException($"{where}: unknown kind '{n}'; expected one of {string.Join(", ", Kinds.Keys)}."))
            .Distinct()
            .ToArray();
    }

    private static string RequiredString(JsonElement element, string name, string where) =>
        OptionalString(element, name, where) ?? throw new FormatException($"{where}: \"{name}\" is missing or empty.");

    private static string? OptionalString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"{where}: \"{name}\" must be a string.");
        }

        var text = value.GetString()!.Trim();
        return text.Length == 0 ? null : text;
    }
}
