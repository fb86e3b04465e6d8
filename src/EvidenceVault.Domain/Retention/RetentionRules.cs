using System.Text.Json;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Retention;

/// <summary>
/// The retention numbers, kept as data (JSON) so an agency can set its own. Loading is strict: an unknown
/// field, enforcement type or malformed term is an error, because a rule that silently never applies
/// could let evidence expire.
/// </summary>
public sealed record RetentionRules
{
    public const string BuiltInResourceName = "EvidenceVault.Domain.Retention.retention-rules.json";

    private static readonly string[] Fields = ["floor", "recoveryWindow", "reconsiderationWindow", "litigationWindow", "recentCaseActivity", "caseFileTerms", "categories"];

    /// <summary>Every recording is kept at least this long from when it was recorded.</summary>
    public required TermLength Floor { get; init; }

    /// <summary>How long an approved deletion can still be undone before the bytes are destroyed.</summary>
    public required TermLength RecoveryWindow { get; init; }

    /// <summary>Administrative reconsideration window after a decision (行政复议, 60 days).</summary>
    public required TermLength ReconsiderationWindow { get; init; }

    /// <summary>Administrative litigation window after a decision (行政诉讼, 6 months).</summary>
    public required TermLength LitigationWindow { get; init; }

    /// <summary>Activity on a linked case this recent puts a deletion through the risk gate's second look.</summary>
    public required TermLength RecentCaseActivity { get; init; }

    public required IReadOnlyDictionary<EnforcementType, TermLength> CaseFileTerms { get; init; }

    public required IReadOnlyDictionary<string, TermLength> Categories { get; init; }

    public static RetentionRules LoadBuiltIn()
    {
        using var stream = typeof(RetentionRules).Assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException($"The built-in resource '{BuiltInResourceName}' is missing from the Domain assembly.");
        return Load(stream);
    }

    /// <exception cref="FormatException">The JSON is malformed or a value is invalid; the message says which.</exception>
    public static RetentionRules Load(Stream json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Retention rules must be a JSON object.");
            }

            foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
            {
                throw new FormatException($"Retention rules: unknown field '{property.Name}' (known: {string.Join(", ", Fields)}).");
            }

            return new RetentionRules
            {
                Floor = Term(root, "floor"),
                RecoveryWindow = Term(root, "recoveryWindow"),
                ReconsiderationWindow = Term(root, "reconsiderationWindow"),
                LitigationWindow = Term(root, "litigationWindow"),
                RecentCaseActivity = Term(root, "recentCaseActivity"),
                CaseFileTerms = CaseFileTermsFrom(Required(root, "caseFileTerms")),
                Categories = Required(root, "categories").EnumerateObject().ToDictionary(p => p.Name, p => ParseTerm($"categories.{p.Name}", p.Value), StringComparer.OrdinalIgnoreCase),
            };
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Retention rules are not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The term of a category, or a clear error naming the known ones.</summary>
    public TermLength CategoryTerm(string category) => Categories.TryGetValue(category, out var term)
        ? term
        : throw new FormatException($"'{category}' is not a retention category; known: {string.Join(", ", Categories.Keys.Order(StringComparer.Ordinal))}.");

    private static Dictionary<EnforcementType, TermLength> CaseFileTermsFrom(JsonElement terms)
    {
        var result = terms.EnumerateObject().ToDictionary(p => CaseTerms.ParseType(p.Name), p => ParseTerm($"caseFileTerms.{p.Name}", p.Value));
        var missing = Enum.GetValues<EnforcementType>().Where(t => !result.ContainsKey(t)).ToList();
        return missing.Count == 0
            ? result
            : throw new FormatException($"Retention rules: caseFileTerms has no term for {string.Join(", ", missing)}.");
    }

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new FormatException($"Retention rules: '{name}' is missing or not an object.");

    private static TermLength Term(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? ParseTerm(name, value)
            : throw new FormatException($"Retention rules: '{name}' is missing.");

    private static TermLength ParseTerm(string name, JsonElement value)
    {
        try
        {
            return value.ValueKind == JsonValueKind.String
                ? TermLength.Parse(value.GetString()!)
                : throw new FormatException("a term must be a string");
        }
        catch (FormatException ex)
        {
            throw new FormatException($"Retention rules: '{name}': {ex.Message}", ex);
        }
    }
}
