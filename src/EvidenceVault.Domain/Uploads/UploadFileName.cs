using System.Text;
using EvidenceVault.Domain.Text;

namespace EvidenceVault.Domain.Uploads;

/// <summary>
/// The file name an uploaded file is kept under until it is ingested. The client's name is only a hint (name
/// profiles read device, officer and time from it), so it is cut down to one harmless path segment: no folders,
/// no "..", no control or format characters (a right-to-left override makes "invoice\u202Egpj.exe" read as a
/// picture), no leading dots (which would make it hidden or system clutter), and NFC, as identifiers are.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 200;
    private const string Fallback = "upload";

    public static string Safe(string clientName)
    {
        var last = clientName.Replace('\\', '/').Split('/')[^1];
        var invalid = Path.GetInvalidFileNameChars();
        // Hidden characters go first: Normalize throws on the unpaired surrogates among them.
        var visible = HiddenCharacters.Replace(last, '_').Normalize(NormalizationForm.FormC);
        var cleaned = new string([.. visible.Select(c => c == '\uFFFD' || invalid.Contains(c) ? '_' : c)]).Trim().TrimStart('.');
        if (cleaned.Length > MaxLength)
        {
            // Keep the extension: it says what kind of file this is.
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length < 16 ? extension : string.Empty;
            var cut = MaxLength - extension.Length;
            if (char.IsHighSurrogate(cleaned[cut - 1]))
            {
                // Never keep half of a pair.
                cut--;
            }

            cleaned = cleaned[..cut] + extension;
        }

        return cleaned.Trim('.', ' ') is { Length: > 0 } ? cleaned : Fallback;
    }
}
