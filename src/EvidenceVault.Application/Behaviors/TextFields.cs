using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace EvidenceVault.Application.Behaviors;

/// <summary>
/// Finds every text field of a command (its strings, string lists, and the strings of the records it carries, one
/// level down) and checks each against the limit of its kind, so no use case has to remember to.
/// </summary>
public static class TextFields
{
    private static readonly HashSet<string> FreeTextNames = new(StringComparer.Ordinal)
    {
        "Reason", "Opinion", "Purpose", "Conclusion", "Summary", "Facts", "Note", "Notes", "Description", "Comment",
        "Basis", "Content", "Problem", "Password", "NewPassword", "CurrentPassword", "Title", "Authority", "OutsideAgency",
    };

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Throws <see cref="TextTooLongException"/> naming the first field over its limit.</summary>
    public static void Check(object message, TextLimits limits) => Check(message, limits, null, depth: 0);

    public static int LimitOf(string property, TextLimits limits) => property switch
    {
        "Party" => limits.Party,
        "Csv" or "Spec" => limits.Document,

        // A credential is only hashed and looked up, and arrives in a header the server already bounds.
        "Secret" => int.MaxValue,
        _ when FreeTextNames.Contains(property) => limits.FreeText,
        _ when property.EndsWith("Path", StringComparison.Ordinal) || property is "Source" or "Location" or "Target" or "Folder" => limits.Path,
        _ => limits.Name,
    };

    private static void Check(object value, TextLimits limits, string? owner, int depth)
    {
        foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
        {
            var field = owner is null ? Camel(property.Name) : $"{owner}.{Camel(property.Name)}";
            switch (property.GetValue(value))
            {
                case string text:
                    Limit(field, text, LimitOf(property.Name, limits));
                    break;
                case IEnumerable<string> texts:
                    foreach (var text in texts)
                    {
                        Limit(field, text, LimitOf(property.Name, limits));
                    }

                    break;
                case IEnumerable:
                    break;
                case { } nested when depth == 0 && IsOurRecord(nested.GetType()):
                    Check(nested, limits, field, depth + 1);
                    break;
            }
        }
    }

    private static void Limit(string field, string text, int limit)
    {
        if (text.Length > limit)
        {
            throw new TextTooLongException(field, text.Length, limit);
        }
    }

    private static PropertyInfo[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")];

    // Value objects (structs) validate their own text; only our classes (records such as a User) are looked into.
    private static bool IsOurRecord(Type type) => type.IsClass && type.Namespace?.StartsWith("EvidenceVault.", StringComparison.Ordinal) == true;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
