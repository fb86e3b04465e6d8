using EvidenceVault.Application.Audit;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Signing;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Custody;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Audit;

public sealed class LedgerAuditTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCustodyLog _log = new();
    private readonly InMemoryCheckpointStore _store = new();
    private readonly IEvidenceSigner _signer = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));

    private CheckpointWriter Writer => new(_log, _store, _signer, _time);

    private LedgerAudit Audit => new(_log, Writer, _store, _signer);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task CheckAsync_CheckpointsAtSeveralSizes_AllVerifyAndTheLargestIsTheHead()
    {
        await AppendAsync(3);
        await Writer.WriteAsync(Ct);
        await AppendAsync(4);
        _time.Advance(TimeSpan.FromMinutes(10));
        var latest = await Writer.WriteAsync(Ct);
        await AppendAsync(2);

        var report = await Audit.CheckAsync(Ct);

        Assert.Empty(report.Problems);
        Assert.Equal(2, report.Checkpoints);
        Assert.Equal((7L, latest.Checkpoint.RootHash, _signer.PublicKey.KeyId), (report.Head!.Size, report.Head.RootBase64, report.Head.KeyId));
        Assert.Equal(9, report.Entries);
    }

    [Fact]
    public async Task CheckAsync_EarlyEntryRewrittenAndLaterHashesRecomputed_ChainIntactButEveryLaterCheckpointNamesTheRewrite()
    {
        await AppendAsync(3);
        await Writer.WriteAsync(Ct);
        _time.Advance(TimeSpan.FromMinutes(10));
        await AppendAsync(3);
        await Writer.WriteAsync(Ct);
        Rehash(2, "someone-else");

        var report = await Audit.CheckAsync(Ct);

        Assert.Null(report.FirstBreak);
        Assert.Equal(["rewritten: entries up to 3", "rewritten: entries up to 6"], report.Problems.Select(p => p.Problem[..26]));
        Assert.Null(report.Head);
    }

    [Fact]
    public async Task CheckAsync_LastEntriesDropped_NamesTruncationWithBothSizes()
    {
        await AppendAsync(5);
        var stored = await Writer.WriteAsync(Ct);
        _log.Records.RemoveRange(3, 2);

        var report = await Audit.CheckAsync(Ct);

        Assert.Null(report.FirstBreak);
        Assert.Equal($"truncated: checkpoint {stored.Name} states size 5, the log has only 3 entries", Assert.Single(report.Problems).Problem);
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _log.AppendAsync(new CustodyEntry(_time.GetUtcNow(), "admin", CustodyActions.Viewed, $"r{_log.Records.Count}", "{}"), Ct);
        }
    }

    /// <summary>Gives entry <paramref name="sequence"/> another actor and recomputes every hash from it on: the plain chain stays intact.</summary>
    private void Rehash(long sequence, string actor)
    {
        var previous = CustodyChain.Genesis;
        for (var i = 0; i < _log.Records.Count; i++)
        {
            var r = _log.Records[i];
            var entry = r.Sequence == sequence ? r.Entry with { Actor = actor } : r.Entry;
            var hash = CustodyChain.Hash(r.Sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Details, previous);
            _log.Records[i] = new CustodyRecord(r.Sequence, entry, previous, hash);
            previous = hash;
        }
    }
}
