using System.Text.Json;
using EvidenceVault.Domain.PriorDisclosure;

namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>
/// Reads the fields of one item of an import document, adding a problem that names the section, the item and the field
/// for each bad one. A field that fails gives a placeholder; <see cref="Complete"/> then tells the caller to drop the item.
/// </summary>
internal sealed class PriorDisclosureItemReader
{
    private static readonly string[] NameFields = ["name", "title", "matter", "label"];

    private readonly JsonElement _item;
    private readonly List<string> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly int _problemsBefore;

    public PriorDisclosureItemReader(string where, JsonElement item, List<string> problems)
    {
        _item = item;
        _problems = problems;
        _problemsBefore = problems.Count;
        Readable = item.ValueKind == JsonValueKind.Object;
        Where = Readable && FirstText(item) is { } name ? $"{where} ({name})" : where;
        if (!Readable)
        {
            problems.Add($"{where}: must be an object with named fields");
        }
    }

    public bool Readable { get; }

    private string Where { get; }

    public string Text(string field)
    {
        if (Field(field) is not { } value)
        {
            return string.Empty;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            Problem(field, "must be a non-empty text");
            return string.Empty;
        }

        return text;
    }

    public EnforcementCertificateNumber Certificate(string field)
    {
        var text = Text(field);
        try
        {
            return text.Length == 0 ? null! : EnforcementCertificateNumber.Parse(text);
        }
        catch (FormatException ex)
        {
            Problem(field, ex.Message);

            // The item is dropped (Complete() is false), so the placeholder is never stored.
            return null!;
        }
    }

    public T Choice<T>(string field, T? absent)
        where T : struct, Enum
    {
        if (absent is { } fallback && !_item.TryGetProperty(field, out _))
        {
            _read.Add(field);
            return fallback;
        }

        var text = Text(field);
        var choice = Enum.GetValues<T>().Where(v => string.Equals(PriorDisclosureDocument.Name(v), text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (text.Length > 0 && choice.Count == 0)
        {
            Problem(field, $"'{text}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(PriorDisclosureDocument.Name))}");
        }

        return choice.FirstOrDefault();
    }

    /// <summary>An optional list of non-empty texts (a flow chart's steps, in order).</summary>
    public IReadOnlyList<string> Steps(string field)
    {
        _read.Add(field);
        if (!_item.TryGetProperty(field, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(s.GetString())))
        {
            Problem(field, "must be a list of non-empty texts, one per step");
            return [];
        }

        return [.. value.EnumerateArray().Select(s => s.GetString()!.Trim())];
    }

    /// <summary>Reports fields the section does not have; true when the item had no problem at all.</summary>
    public bool Complete()
    {
        foreach (var unknown in _item.EnumerateObject().Where(p => !_read.Contains(p.Name)))
        {
            Problem(unknown.Name, "is not a field of this section");
        }

        return _problems.Count == _problemsBefore;
    }

    private JsonElement? Field(string field)
    {
        _read.Add(field);
        if (!_item.TryGetProperty(field, out var value))
        {
            Problem(field, "is missing");
            return null;
        }

        return value;
    }

    private void Problem(string field, string what) => _problems.Add($"{Where}, field '{field}': {what}");

    // The item's own name where it has one, so the problem says which officer or matter; else its first text.
    private static string? FirstText(JsonElement item) =>
        item.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .OrderBy(p => Array.IndexOf(NameFields, p.Name) is var i and >= 0 ? i : NameFields.Length)
            .Select(p => p.Value.GetString()).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
}
