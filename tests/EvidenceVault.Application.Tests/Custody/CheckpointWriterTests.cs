using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Signing;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Custody;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Custody;

public sealed class CheckpointWriterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCustodyLog _log = new();
    private readonly InMemoryCheckpointStore _store = new();
    private readonly IEvidenceSigner _signer = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));

    private CheckpointWriter Writer => new(_log, _store, _signer, _time);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task WriteAsync_ThreeEntries_SignsSizeAndRfc9162RootUnderTheVaultKey()
    {
        await AppendAsync(3);

        var stored = await Writer.WriteAsync(Ct);

        Assert.Equal(3, stored.Checkpoint.Size);
        Assert.Equal(MerkleTree.Root([.. _log.Records.Select(r => MerkleTree.EntryLeafHash(r.Hash))]), stored.Checkpoint.RootBytes());
        Assert.Equal(_time.GetUtcNow(), stored.Checkpoint.Time);
        Assert.Equal(_signer.PublicKey, CheckpointNotes.VerifiedBy(stored.Note, [_signer.PublicKey]));
        Assert.Equal([CheckpointNames.For(3, _time.GetUtcNow())], _store.Stored.Keys);
    }

    [Fact]
    public async Task WriteAsync_LogUnchanged_ReusesTheStoredCheckpoint()
    {
        await AppendAsync(2);
        var first = await Writer.WriteAsync(Ct);
        _time.Advance(TimeSpan.FromHours(1));

        var second = await Writer.WriteAsync(Ct);

        Assert.Equal(first.Note.Format(), second.Note.Format());
        Assert.Single(_store.Stored);
    }

    [Fact]
    public async Task WriteIfDueAsync_EntriesAddedSteadily_NoGrowingLogGoesTenMinutesWithoutACheckpoint()
    {
        var written = new List<DateTimeOffset>();
        for (var minute = 0; minute < 60; minute++)
        {
            await AppendAsync(1);
            if (await Writer.WriteIfDueAsync(Ct) is { } stored)
            {
                written.Add(stored.Checkpoint.Time);
            }

            _time.Advance(CheckpointWriter.CheckEvery);
        }

        Assert.InRange(written.Count, 6, 8);
        Assert.All(written.Zip(written.Skip(1)), pair => Assert.True(pair.Second - pair.First <= CheckpointWriter.Interval, $"{pair.First} -> {pair.Second}"));
    }

    [Fact]
    public async Task WriteIfDueAsync_NoNewEntries_WritesNothing()
    {
        await AppendAsync(1);
        await Writer.WriteIfDueAsync(Ct);
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Null(await Writer.WriteIfDueAsync(Ct));
        Assert.Single(_store.Stored);
    }

    [Fact]
    public async Task LatestAsync_NewerCheckpointOfAnotherKeyPlanted_PassedOver()
    {
        await AppendAsync(2);
        var ours = await Writer.WriteAsync(Ct);
        var forger = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));
        var forged = CheckpointNotes.Sign(Checkpoint.Of(CheckpointWriter.Origin, 99, MerkleTree.EmptyRoot(), _time.GetUtcNow()), forger);
        await _store.PutCheckpointAsync(CheckpointNames.For(99, _time.GetUtcNow()), System.Text.Encoding.UTF8.GetBytes(forged.Format()), Ct);

        Assert.Equal(ours.Name, (await Writer.LatestAsync(Ct))?.Name);
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _log.AppendAsync(new CustodyEntry(_time.GetUtcNow(), "admin", CustodyActions.Viewed, $"r{_log.Records.Count}", "{}"), Ct);
        }
    }
}
