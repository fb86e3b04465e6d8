using System.Text.Json.Nodes;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.PriorDisclosure;
using static EvidenceVault.Application.PriorDisclosure.PriorDisclosureDocument;

namespace EvidenceVault.Web;

/// <summary>
/// The fields the 事前公开 page shows for each section, named as in the import document, so a posted form becomes a
/// document item and is checked by the import's rules (<see cref="PriorDisclosureDocument.WithItem"/>).
/// </summary>
public static class PriorDisclosureForm
{
    /// <summary>The prefix of the page's item fields, so they never meet the antiforgery or handler fields.</summary>
    public const string Prefix = "pd.";

    public static readonly IReadOnlyList<(string Section, IReadOnlyList<PriorDisclosureField> Fields)> Sections =
    [
        (Agency, [new("name"), new("duties", Multiline: true), new("jurisdiction", Multiline: true), new("address"), new("officeHours")]),
        (Officers, [new("name"), new("certificate"), new("category"), new("area"), Choice<OfficerStatus>("status")]),
        (Matters, [new("name"), Choice<MatterCategory>("category"), new("legalBasis", Multiline: true), new("procedure", Multiline: true), new("timeLimit")]),
        (RandomInspections, [new("matter"), new("basis", Multiline: true), new("subjects"), new("frequency")]),
        (Guides, [new("title"), new("text", Multiline: true), new("flowChart", Multiline: true, Steps: true)]),
        (Channels, [Choice<ChannelKind>("kind"), new("label"), new("value")]),
    ];

    /// <summary>The item a posted form describes: each field of the section, a flow chart one step per line.</summary>
    public static JsonObject Item(string section, IFormCollection form)
    {
        var item = new JsonObject();
        foreach (var field in Sections.Single(s => s.Section == section).Fields)
        {
            var text = form[Prefix + field.Name].ToString().Trim();
            item[field.Name] = field.Steps
                ? new JsonArray([.. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => JsonValue.Create(s))])
                : JsonValue.Create(text);
        }

        return item;
    }

    /// <summary>The value a field of an item shows in its input: a flow chart's steps one per line.</summary>
    public static string Value(JsonNode? item, PriorDisclosureField field) =>
        item?[field.Name] switch
        {
            JsonArray steps => string.Join('\n', steps.Select(s => s?.GetValue<string>())),
            JsonValue value => value.GetValue<string>(),
            _ => string.Empty,
        };

    private static PriorDisclosureField Choice<T>(string name)
        where T : struct, Enum => new(name, Choices: [.. Enum.GetValues<T>().Select(v => Name(v))]);
}

/// <summary>One field of a section's form: a multi-line one is a text area, a choice a list, steps a flow chart.</summary>
public sealed record PriorDisclosureField(string Name, bool Multiline = false, bool Steps = false, IReadOnlyList<string>? Choices = null);
