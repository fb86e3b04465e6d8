namespace EvidenceVault.Domain.Uploads;

/// <summary>
/// The file name an uploaded file is kept under until it is ingested. The client's name is only a hint (name
/// profiles read device, officer and time from it), so it is cut down to one harmless path segment: no folders,
/// no "..", no control characters, no leading dots (which would make it hidden or system clutter).
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 200;
    private const string Fallback = "upload";

    public static string Safe(string clientName)
    {
        var last = clientName.Replace('\\', '/').Split('/')[^1];
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string([.. last.Select(c => char.IsControl(c) || c == '\uFFFD' || invalid.Contains(c) ? '_' : c)]).Trim().TrimStart('.');
        if (cleaned.Length > MaxLength)
        {
            // Keep the extension: it says what kind of file this is.
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length < 16 ? extension : string.Empty;
            cleaned = cleaned[..(MaxLength - extension.Length)] + extension;
        }

        return cleaned.Trim('.', ' ') is { Length: > 0 } ? cleaned : Fallback;
    }
}
