namespace EvidenceVault.Domain.Draws;

/// <summary>
/// The one rule for every text a draw hashes (ids, strata, seeds, seed sources): surrounding whitespace is not part of
/// it, and no control character may appear, because tab, line feed and NUL are the separators of the hashed forms.
/// </summary>
internal static class DrawText
{
    public static string Require(string? text, string what)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new FormatException($"A draw's {what} may not be empty.");
        }

        return trimmed.Any(char.IsControl)
            ? throw new FormatException($"A draw's {what} '{trimmed.ReplaceLineEndings(" ")}' contains a control character (tab, line break or NUL separate the hashed fields).")
            : trimmed;
    }
}
