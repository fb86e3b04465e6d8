using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// The 双随机 pools, one version per import and never changed afterwards; each import carries its custody entry in the
/// same transaction.
/// </summary>
public interface IInspectionPoolStore
{
    /// <summary>Stores a new pool version under the next number, built by <paramref name="numbered"/>.</summary>
    Task<InspectionPool> ImportAsync(Func<long, InspectionPool> numbered, Func<InspectionPool, CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>The newest version of a kind, or null before the first import.</summary>
    Task<InspectionPool?> LatestAsync(InspectionPoolKind kind, CancellationToken cancellationToken);

    Task<InspectionPool?> FindAsync(long version, CancellationToken cancellationToken);
}

/// <summary>
/// One imported pool version: the CSV exactly as imported (so its <see cref="Sha256"/> is what <c>sha256sum</c> gives for
/// the file) and who imported it when.
/// </summary>
public sealed record InspectionPool(long Version, InspectionPoolKind Kind, string Csv, Sha256Digest Sha256, string ImportedBy, DateTimeOffset ImportedAt)
{
    public string Subject => SubjectOf(Version);

    public IReadOnlyList<InspectionTarget> Targets => Kind == InspectionPoolKind.Targets ? PoolCsv.Targets(Csv) : throw new InvalidOperationException($"Pool v{Version} lists inspectors.");

    public IReadOnlyList<Inspector> Inspectors => Kind == InspectionPoolKind.Inspectors ? PoolCsv.Inspectors(Csv) : throw new InvalidOperationException($"Pool v{Version} lists targets.");

    public int Members => Kind == InspectionPoolKind.Targets ? Targets.Count : Inspectors.Count;

    public static string SubjectOf(long version) => $"inspection-pool/v{version}";

    public static Sha256Digest HashOf(string csv) => Sha256Digest.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
}

/// <summary>Lookups the inspection use cases share.</summary>
public static class InspectionPoolStoreExtensions
{
    public static async Task<InspectionPool> RequireLatestAsync(this IInspectionPoolStore store, InspectionPoolKind kind, CancellationToken cancellationToken) =>
        await store.LatestAsync(kind, cancellationToken)
            ?? throw new InspectionRuleException($"No {(kind == InspectionPoolKind.Targets ? "target" : "inspector")} pool has been imported yet (evidencevault inspection pool import).");

    /// <summary>A stored version, refusing one whose text no longer hashes to the SHA-256 recorded at import.</summary>
    public static async Task<InspectionPool> RequireIntactAsync(this IInspectionPoolStore store, long version, CancellationToken cancellationToken)
    {
        var pool = await store.FindAsync(version, cancellationToken) ?? throw new NotFoundException($"No inspection pool version {version}.");
        var actual = InspectionPool.HashOf(pool.Csv);
        return actual == pool.Sha256
            ? pool
            : throw new InspectionRuleException($"Pool v{version} hashes to {actual}, not the {pool.Sha256} recorded at its import: the stored pool was changed.");
    }
}
