using System.Globalization;
using System.Text;
using EvidenceVault.Application.Uploads;

namespace EvidenceVault.Api.Uploads;

/// <summary>The tus 1.0.0 header vocabulary, parsed and written in one place.</summary>
internal static class TusHeaders
{
    public const string Version = "1.0.0";
    public const string Resumable = "Tus-Resumable";
    public const string OffsetOctetStream = "application/offset+octet-stream";
    public const string UploadOffset = "Upload-Offset";
    public const string UploadLength = "Upload-Length";
    public const string UploadMetadata = "Upload-Metadata";
    public const string UploadChecksum = "Upload-Checksum";
    public const string UploadExpires = "Upload-Expires";
    public const string Recording = "EvidenceVault-Recording";
    public const string Status = "EvidenceVault-Status";

    /// <summary><c>key base64,key base64,key</c>; a key without a value maps to an empty string.</summary>
    public static IReadOnlyDictionary<string, string> ParseMetadata(string? header)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(' ', 2, StringSplitOptions.TrimEntries);
            try
            {
                pairs[parts[0]] = parts.Length == 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])) : string.Empty;
            }
            catch (FormatException)
            {
                throw new FormatException($"Upload-Metadata: the value of '{parts[0]}' is not base64.");
            }
        }

        return pairs;
    }

    /// <summary>The SHA-256 of an <c>Upload-Checksum: sha256 &lt;base64&gt;</c> header, or null when there is none.</summary>
    public static byte[]? ParseChecksum(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var parts = header.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("sha256", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Upload-Checksum: only sha256 is supported, not '{parts[0]}'.");
        }

        var digest = new byte[32];
        return Convert.TryFromBase64String(parts[1], digest, out var written) && written == digest.Length
            ? digest
            : throw new FormatException("Upload-Checksum: the sha256 value must be 32 bytes in base64.");
    }

    public static long ParseNumber(string name, string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{name} must be a non-negative whole number, not '{value}'.");

    /// <summary>Where the upload stands, and once complete which recording it became.</summary>
    public static void WriteState(HttpResponse response, UploadState state)
    {
        response.Headers[UploadOffset] = state.Offset.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (state.Outcome is { } outcome)
        {
            response.Headers[Status] = outcome.Status;
            if (outcome.RecordingId is { } recording)
            {
                response.Headers[Recording] = recording;
            }
        }
        else
        {
            response.Headers[UploadExpires] = state.Upload.ExpiresAt.ToString("R", CultureInfo.InvariantCulture);
        }
    }
}
