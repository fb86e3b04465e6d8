using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Catalog;

/// <summary>The SHA-256 and length of a derivative as it was stored; every way out compares the bytes with it.</summary>
public sealed record DerivativeDigest(Sha256Digest Sha256, long Length);

/// <summary>Which digest and flag of a recording belong to a derivative kind: decided here once.</summary>
public static class RecordingDerivatives
{
    public static IReadOnlyList<DerivativeKind> Kinds { get; } = [DerivativeKind.Proxy, DerivativeKind.Thumbnail];

    public static bool Has(this RecordingEntry recording, DerivativeKind kind) =>
        kind == DerivativeKind.Proxy ? recording.HasProxy : recording.HasThumbnail;

    public static DerivativeDigest? DigestOf(this RecordingEntry recording, DerivativeKind kind) =>
        kind == DerivativeKind.Proxy ? recording.Proxy : recording.Thumbnail;

    public static RecordingEntry WithDerivative(this RecordingEntry recording, DerivativeKind kind, DerivativeDigest digest) =>
        kind == DerivativeKind.Proxy
            ? recording with { HasProxy = true, Proxy = digest }
            : recording with { HasThumbnail = true, Thumbnail = digest };

    /// <summary>The name used in output, custody details and incident kinds: <c>proxy</c> or <c>thumbnail</c>.</summary>
    public static string Name(this DerivativeKind kind) => kind.ToString().ToLowerInvariant();
}
