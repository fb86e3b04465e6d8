using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>A vault in memory; <see cref="Corrupt"/> simulates bit rot in a stored original.</summary>
public sealed class InMemoryVault : IVault, IVaultRedactions
{
    public Dictionary<Sha256Digest, byte[]> Originals { get; } = [];

    public string Description => "memory";

    public void Corrupt(Sha256Digest digest) => Originals[digest][0] ^= 0xFF;

    public async Task<VaultPutOutcome> PutOriginalAsync(Sha256Digest digest, StagedFile staged, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(staged.Path, cancellationToken);
        File.Delete(staged.Path);
        return Originals.TryAdd(digest, bytes) ? VaultPutOutcome.Created : VaultPutOutcome.AlreadyPresent;
    }

    /// <summary>How many staged objects were adopted (handed-over uploads), to tell them from staged-file puts.</summary>
    public int Adopted { get; private set; }

    public async Task<VaultAdoption> AdoptOriginalAsync(IStagedObject staged, CancellationToken cancellationToken)
    {
        if (Originals.ContainsKey(staged.Sha256))
        {
            await staged.ReleaseAsync(cancellationToken);
            return new VaultAdoption(VaultPutOutcome.AlreadyPresent, AdoptionMethod.AlreadyPresent);
        }

        using var bytes = new MemoryStream();
        await using (var source = await staged.OpenReadAsync(cancellationToken))
        {
            await source.CopyToAsync(bytes, cancellationToken);
        }

        var actual = Sha256Digest.FromBytes(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));
        if (actual != staged.Sha256)
        {
            throw new VaultIntegrityException(staged.Sha256, actual.Hex);
        }

        Originals[staged.Sha256] = bytes.ToArray();
        Adopted++;
        await staged.ReleaseAsync(cancellationToken);
        return new VaultAdoption(VaultPutOutcome.Created, AdoptionMethod.Moved);
    }

    public Task<VaultObjectInfo?> GetOriginalInfoAsync(Sha256Digest digest, CancellationToken cancellationToken) =>
        Task.FromResult(Originals.TryGetValue(digest, out var b) ? new VaultObjectInfo(b.Length, digest) : null);

    public Task<Stream> OpenOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken) =>
        Originals.TryGetValue(digest, out var b) ? Task.FromResult<Stream>(new MemoryStream(b)) : throw new VaultObjectMissingException(digest);

    /// <summary>A temporary file with the original's bytes, as the local vault hands out for tools.</summary>
    public async Task<LocalCopy> CheckoutOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ev-checkout-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path, Originals.TryGetValue(digest, out var b) ? b : throw new VaultObjectMissingException(digest), cancellationToken);
        return new LocalCopy(path, isTemporary: true);
    }

    public Dictionary<(Sha256Digest Original, DerivativeKind Kind), byte[]> Derivatives { get; } = [];

    public async Task<VaultPutOutcome> PutDerivativeAsync(Sha256Digest original, DerivativeKind kind, StagedFile staged, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(staged.Path, cancellationToken);
        File.Delete(staged.Path);
        return Derivatives.TryAdd((original, kind), bytes) ? VaultPutOutcome.Created : VaultPutOutcome.AlreadyPresent;
    }

    public Task ReplaceDerivativeAsync(Sha256Digest original, DerivativeKind kind, StagedFile staged, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Stream?> OpenDerivativeAsync(Sha256Digest original, DerivativeKind kind, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(Derivatives.TryGetValue((original, kind), out var b) ? new MemoryStream(b) : null);

    public Dictionary<(Sha256Digest Original, Sha256Digest Copy), byte[]> Redactions { get; } = [];

    public async Task<VaultPutOutcome> PutRedactionAsync(Sha256Digest original, Sha256Digest copy, StagedFile staged, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(staged.Path, cancellationToken);
        File.Delete(staged.Path);
        return Redactions.TryAdd((original, copy), bytes) ? VaultPutOutcome.Created : VaultPutOutcome.AlreadyPresent;
    }

    public Task<Stream?> OpenRedactionAsync(Sha256Digest original, Sha256Digest copy, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(Redactions.TryGetValue((original, copy), out var b) ? new MemoryStream(b) : null);
}
