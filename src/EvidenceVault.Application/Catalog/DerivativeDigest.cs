using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Catalog;

/// <summary>The SHA-256 and length of a derivative as it was stored; every way out compares the bytes with it.</summary>
public sealed record DerivativeDigest(Sha256Digest Sha256, long Length);

/// <summary>Which digest and flag of a recording belong to a derivative kind: decided here once.</summary>
public static class RecordingDerivatives
{
    public static IReadOnlyList<DerivativeKind> Kinds { get; } = [DerivativeKind.Proxy, DerivativeKind.Thumbnail, DerivativeKind.Sprite, DerivativeKind.SpriteCues];

    /// <summary>
    /// Whether the recording has the derivative. Proxies and thumbnails have a flag of their own (rows from before digests
    /// were kept have the flag and no digest: unrecorded); the preview sprite and its cues came with digests, so a digest is
    /// the only sign of them.
    /// </summary>
    public static bool Has(this RecordingEntry recording, DerivativeKind kind) => kind switch
    {
        DerivativeKind.Proxy => recording.HasProxy,
        DerivativeKind.Thumbnail => recording.HasThumbnail,
        _ => recording.DigestOf(kind) is not null,
    };

    public static DerivativeDigest? DigestOf(this RecordingEntry recording, DerivativeKind kind) => kind switch
    {
        DerivativeKind.Proxy => recording.Proxy,
        DerivativeKind.Thumbnail => recording.Thumbnail,
        DerivativeKind.Sprite => recording.Sprite,
        DerivativeKind.SpriteCues => recording.SpriteCues,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown derivative kind."),
    };

    public static RecordingEntry WithDerivative(this RecordingEntry recording, DerivativeKind kind, DerivativeDigest digest) => kind switch
    {
        DerivativeKind.Proxy => recording with { HasProxy = true, Proxy = digest },
        DerivativeKind.Thumbnail => recording with { HasThumbnail = true, Thumbnail = digest },
        DerivativeKind.Sprite => recording with { Sprite = digest },
        DerivativeKind.SpriteCues => recording with { SpriteCues = digest },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown derivative kind."),
    };

    /// <summary>The recording without any derivative (media work found the original unreadable).</summary>
    public static RecordingEntry WithoutDerivatives(this RecordingEntry recording) =>
        recording with { HasProxy = false, Proxy = null, HasThumbnail = false, Thumbnail = null, Sprite = null, SpriteCues = null };

    /// <summary>
    /// The name used in output, custody details and incident kinds: <c>proxy</c>, <c>thumbnail</c>, <c>sprite</c> or
    /// <c>spritecues</c> (never with a dash: an incident kind is <c>&lt;name&gt;-&lt;state&gt;</c>).
    /// </summary>
    public static string Name(this DerivativeKind kind) => kind.ToString().ToLowerInvariant();
}
