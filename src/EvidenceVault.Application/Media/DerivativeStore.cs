using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Media;

/// <summary>
/// Stores a derivative just made and says what the vault now holds: the SHA-256 and length the catalog records, so that
/// every way out can compare the bytes with them.
/// </summary>
public sealed class DerivativeStore(IVault vault, IMediaTranscoder transcoder)
{
    /// <summary>Which derivatives media work makes for a recording of this kind with these facts: decided here once.</summary>
    public static IReadOnlyList<DerivativeKind> For(RecordingKind kind, MediaFacts facts)
    {
        var kinds = new List<DerivativeKind>();
        if (kind is RecordingKind.Video or RecordingKind.Audio)
        {
            kinds.Add(DerivativeKind.Proxy);
        }

        if (kind is RecordingKind.Video or RecordingKind.Photo && facts.HasVideo)
        {
            kinds.Add(DerivativeKind.Thumbnail);
        }

        // The preview sprite and its cues: the cues are written from the sprite's plan, so they come as a pair.
        if (kind is RecordingKind.Video && SpritePlan.Decide(facts) is not null)
        {
            kinds.AddRange([DerivativeKind.Sprite, DerivativeKind.SpriteCues]);
        }

        return kinds;
    }

    /// <summary>Makes one derivative of the original at <paramref name="input"/> into <paramref name="output"/>.</summary>
    public Task MakeAsync(DerivativeKind kind, string input, MediaFacts facts, string output, CancellationToken cancellationToken) => kind switch
    {
        DerivativeKind.Proxy => transcoder.CreateProxyAsync(input, output, ProxyPlan.Decide(facts), cancellationToken),
        DerivativeKind.Thumbnail => transcoder.CreateThumbnailAsync(input, output, facts, cancellationToken),
        DerivativeKind.Sprite => transcoder.CreateSpriteAsync(input, output, SpriteOf(facts), cancellationToken),
        DerivativeKind.SpriteCues => File.WriteAllTextAsync(output, SpriteOf(facts).Cues(), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown derivative kind."),
    };

    /// <summary>The staging extension of a derivative file.</summary>
    public static string Extension(DerivativeKind kind) => kind switch
    {
        DerivativeKind.Proxy => ".mp4",
        DerivativeKind.SpriteCues => ".vtt",
        _ => ".jpg",
    };

    private static SpritePlan SpriteOf(MediaFacts facts) =>
        SpritePlan.Decide(facts) ?? throw new MediaToolException("ffmpeg", "The media has no picture or no duration, so there is no preview sprite to make.", null, null);

    /// <summary>Create-only, as media work does it; the staged file at <paramref name="path"/> is consumed.</summary>
    public async Task<DerivativeDigest> StoreAsync(Sha256Digest original, DerivativeKind kind, string path, CancellationToken cancellationToken)
    {
        var made = await HashFileAsync(path, cancellationToken);
        if (await vault.PutDerivativeAsync(original, kind, new StagedFile(path, made.Length), cancellationToken) == VaultPutOutcome.Created)
        {
            return made;
        }

        // A run before this one stored it and stopped before recording it (or two runs raced): what counts is what
        // the vault holds, read back, not the copy just made.
        await using var stored = await vault.OpenDerivativeAsync(original, kind, cancellationToken)
            ?? throw new VaultException($"The {kind.Name()} of {original} was reported stored but cannot be read back.");
        var hashed = await StreamHasher.HashAsync(stored, null, null, cancellationToken);
        return new DerivativeDigest(hashed.Sha256, hashed.Length);
    }

    /// <summary>Puts a derivative made again from the verified original in place of the stored one.</summary>
    public async Task<DerivativeDigest> ReplaceAsync(Sha256Digest original, DerivativeKind kind, string path, CancellationToken cancellationToken)
    {
        var made = await HashFileAsync(path, cancellationToken);
        await vault.ReplaceDerivativeAsync(original, kind, new StagedFile(path, made.Length), cancellationToken);
        return made;
    }

    /// <summary>The SHA-256 and length of a file just made, as the catalog records them.</summary>
    public static async Task<DerivativeDigest> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var hashed = await StreamHasher.HashAsync(file, null, null, cancellationToken);
        return new DerivativeDigest(hashed.Sha256, hashed.Length);
    }
}
