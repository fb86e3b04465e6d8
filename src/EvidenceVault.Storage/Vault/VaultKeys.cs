using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Vault;

/// <summary>
/// The vault's key layout, shared by every backend (this file is linked into the Azure adapter) so
/// a vault can be copied between backends object for object.
/// </summary>
internal static class VaultKeys
{
    /// <summary>Two levels of two-hex-character shards keep directories (and blob listings) small.</summary>
    public static string Original(Sha256Digest digest) =>
        $"originals/sha256/{digest.Hex[..2]}/{digest.Hex[2..4]}/{digest.Hex}";

    /// <summary>Where the local vault keeps an original's retention lock (Azure keeps it in blob index tags).</summary>
    public static string Lock(Sha256Digest digest) =>
        $"locks/sha256/{digest.Hex[..2]}/{digest.Hex[2..4]}/{digest.Hex}.json";

    /// <summary>Signed custody checkpoints, one write-once object each.</summary>
    public const string CheckpointFolder = "checkpoints";

    public static string Checkpoint(string name) =>
        CheckpointNames.IsValid(name) ? $"{CheckpointFolder}/{name}" : throw new ArgumentException($"'{name}' is not a checkpoint name.", nameof(name));

    public static string Derivative(Sha256Digest original, DerivativeKind kind) =>
        $"derived/{original.Hex}/{FileName(kind)}";

    /// <summary>Under the original's derivatives folder, so destroying the original's derivatives takes its redactions too.</summary>
    public static string Redaction(Sha256Digest original, Sha256Digest copy) =>
        $"derived/{original.Hex}/redactions/{copy.Hex}.mp4";

    public static string FileName(DerivativeKind kind) => kind switch
    {
        DerivativeKind.Proxy => "proxy.mp4",
        DerivativeKind.Thumbnail => "thumb.jpg",
        DerivativeKind.Sprite => "sprite.jpg",
        DerivativeKind.SpriteCues => "sprite.vtt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown derivative kind."),
    };
}
