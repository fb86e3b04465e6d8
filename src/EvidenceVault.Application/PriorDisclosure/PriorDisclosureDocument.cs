using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvidenceVault.Domain.PriorDisclosure;

namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>
/// The 事前公开 data as one JSON document an administrator exports, edits and imports: one property per section, enums
/// by their camel-case name. Reading checks the whole file before anything is stored and names the section, item and
/// field of every problem, so one correction fixes the file.
/// </summary>
public static class PriorDisclosureDocument
{
    public const string Agency = "agency";
    public const string Officers = "officers";
    public const string Matters = "matters";
    public const string RandomInspections = "randomInspections";
    public const string Guides = "guides";
    public const string Channels = "channels";

    private static readonly string[] Sections = [Agency, Officers, Matters, RandomInspections, Guides, Channels];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(PriorDisclosureSet data)
    {
        var a = data.Agency;
        var document = new JsonObject
        {
            [Agency] = new JsonObject { ["name"] = a.Name, ["duties"] = a.Duties, ["jurisdiction"] = a.Jurisdiction, ["address"] = a.Address, ["officeHours"] = a.OfficeHours },
            [Officers] = Array(data.Officers, o => new JsonObject { ["name"] = o.Name, ["certificate"] = o.Certificate.Value, ["category"] = o.Category, ["area"] = o.Area, ["status"] = Name(o.Status) }),
            [Matters] = Array(data.Matters, m => new JsonObject { ["name"] = m.Name, ["category"] = Name(m.Category), ["legalBasis"] = m.LegalBasis, ["procedure"] = m.Procedure, ["timeLimit"] = m.TimeLimit }),
            [RandomInspections] = Array(data.Inspections, i => new JsonObject { ["matter"] = i.Matter, ["basis"] = i.Basis, ["subjects"] = i.Subjects, ["frequency"] = i.Frequency }),
            [Guides] = Array(data.Guides, g => new JsonObject { ["title"] = g.Title, ["text"] = g.Text, ["flowChart"] = new JsonArray([.. g.FlowChart.Select(s => JsonValue.Create(s))]) }),
            [Channels] = Array(data.Channels, c => new JsonObject { ["kind"] = Name(c.Kind), ["label"] = c.Label, ["value"] = c.Value }),
        };
        return document.ToJsonString(Indented);
    }

    /// <summary>Reads a document; refused with <see cref="PriorDisclosureImportException"/> listing every problem.</summary>
    public static PriorDisclosureSet Read(string json)
    {
        JsonElement root;
        try
        {
            using var parsed = JsonDocument.Parse(json);
            root = parsed.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new PriorDisclosureImportException([$"the file is not JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}"]);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PriorDisclosureImportException([$"the file must be one JSON object with the sections {string.Join(", ", Sections)}"]);
        }

        var problems = new List<string>();
        problems.AddRange(root.EnumerateObject().Where(p => !Sections.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => $"unknown section '{p.Name}' (the sections are {string.Join(", ", Sections)})"));
        var agency = Items(root, Agency, problems, single: true, f => new EnforcementAgency(f.Text("name"), f.Text("duties"), f.Text("jurisdiction"), f.Text("address"), f.Text("officeHours")));
        var set = new PriorDisclosureSet(
            agency.Count == 1 ? agency[0] : PriorDisclosureSet.Empty.Agency,
            Items(root, Officers, problems, single: false, f => new EnforcementOfficerEntry(f.Text("name"), f.Certificate("certificate"), f.Text("category"), f.Text("area"), f.Choice<OfficerStatus>("status", OfficerStatus.Active))),
            Items(root, Matters, problems, single: false, f => new EnforcementMatter(f.Text("name"), f.Choice<MatterCategory>("category", null), f.Text("legalBasis"), f.Text("procedure"), f.Text("timeLimit"))),
            Items(root, RandomInspections, problems, single: false, f => new RandomInspectionItem(f.Text("matter"), f.Text("basis"), f.Text("subjects"), f.Text("frequency"))),
            Items(root, Guides, problems, single: false, f => new ServiceGuide(f.Text("title"), f.Text("text"), f.Steps("flowChart"))),
            Items(root, Channels, problems, single: false, f => new SupervisionChannel(f.Choice<ChannelKind>("kind", null), f.Text("label"), f.Text("value"))));
        return problems.Count == 0 ? set : throw new PriorDisclosureImportException(problems);
    }

    /// <summary>
    /// The set with one item of <paramref name="section"/> replaced (<paramref name="index"/> given), added (no index) or
    /// removed (<paramref name="item"/> null); the agency section has one item, so it is always replaced. The result is read
    /// like an import, so a page's edit is checked by the same rules and refused with the same named problems.
    /// </summary>
    public static PriorDisclosureSet WithItem(PriorDisclosureSet data, string section, int? index, JsonObject? item)
    {
        var document = JsonNode.Parse(Write(data))!.AsObject();
        if (section == Agency)
        {
            document[Agency] = item ?? throw new PriorDisclosureImportException(["the agency cannot be removed"]);
        }
        else if (!Sections.Contains(section, StringComparer.Ordinal))
        {
            throw new PriorDisclosureImportException([$"unknown section '{section}'"]);
        }
        else
        {
            var items = document[section]!.AsArray();
            if (index is { } i && (i < 0 || i >= items.Count))
            {
                throw new PriorDisclosureImportException([$"{section} has no item {i + 1}"]);
            }

            if (index is { } at)
            {
                items.RemoveAt(at);
            }

            if (item is not null)
            {
                items.Insert(index ?? items.Count, item);
            }
        }

        return Read(document.ToJsonString());
    }

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> write) => new([.. items.Select(write)]);

    private static List<T> Items<T>(JsonElement root, string section, List<string> problems, bool single, Func<PriorDisclosureItemReader, T> read)
    {
        if (!root.TryGetProperty(section, out var value))
        {
            problems.Add($"section '{section}' is missing");
            return [];
        }

        var elements = single ? [value] : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : null;
        if (elements is null)
        {
            problems.Add($"section '{section}' must be a list of items");
            return [];
        }

        var items = new List<T>();
        for (var i = 0; i < elements.Count; i++)
        {
            var reader = new PriorDisclosureItemReader(single ? section : $"{section} item {i + 1}", elements[i], problems);
            if (reader.Readable)
            {
                var item = read(reader);
                if (reader.Complete())
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }
}
