using System.Globalization;
using System.Text;

namespace EvidenceVault.Domain.Text;

/// <summary>
/// Characters that do not show as themselves: controls, format characters (zero-width spaces, bidi overrides and
/// isolates, the byte order mark), line and paragraph separators, unassigned code points and unpaired surrogates.
/// One rule for identifiers (refused), upload file names (replaced) and terminal output (escaped), so that what a
/// person reads is what the vault compares.
/// </summary>
public static class HiddenCharacters
{
    /// <summary>Finds the first hidden character, or returns false.</summary>
    public static bool TryFindFirst(string text, out string codePoint, out string kind)
    {
        for (var index = 0; index < text.Length;)
        {
            var hidden = Next(text, index, out var length, out codePoint, out kind);
            if (hidden)
            {
                return true;
            }

            index += length;
        }

        codePoint = string.Empty;
        kind = string.Empty;
        return false;
    }

    /// <summary>Replaces each hidden character with <paramref name="replacement"/>.</summary>
    public static string Replace(string text, char replacement) => Map(text, (_, _) => replacement.ToString());

    /// <summary>
    /// Writes each hidden character as <c>\u200B</c> (or <c>\U000E0001</c> beyond the BMP), for a terminal:
    /// free text keeps such characters, but a reader must see them rather than have them reorder or hide the text.
    /// </summary>
    public static string Escape(string text) =>
        Map(text, (value, _) => value <= 0xFFFF
            ? string.Create(CultureInfo.InvariantCulture, $"\\u{value:X4}")
            : string.Create(CultureInfo.InvariantCulture, $"\\U{value:X8}"));

    private static string Map(string text, Func<int, string, string> hiddenAs)
    {
        if (!TryFindFirst(text, out _, out _))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var index = 0; index < text.Length;)
        {
            var hidden = Next(text, index, out var length, out _, out var kind);
            if (hidden)
            {
                builder.Append(hiddenAs(length == 2 ? char.ConvertToUtf32(text[index], text[index + 1]) : text[index], kind));
            }
            else
            {
                builder.Append(text, index, length);
            }

            index += length;
        }

        return builder.ToString();
    }

    private static bool Next(string text, int index, out int length, out string codePoint, out string kind)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out length) != System.Buffers.OperationStatus.Done)
        {
            // An unpaired surrogate: no character at all, and Normalize would throw on it.
            length = 1;
            codePoint = string.Create(CultureInfo.InvariantCulture, $"U+{(int)text[index]:X4}");
            kind = "an unpaired surrogate";
            return true;
        }

        codePoint = string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
        kind = Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => "a control character",
            UnicodeCategory.Format => "a format character",
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line separator",
            UnicodeCategory.OtherNotAssigned => "an unassigned code point",
            _ => string.Empty,
        };
        return kind.Length > 0;
    }
}
