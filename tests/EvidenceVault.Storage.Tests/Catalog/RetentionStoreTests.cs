using System.Data.Common;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Retention;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class RetentionStoreTests : CatalogTestBase
{
    private readonly SqlRetentionStore _store;

    protected RetentionStoreTests(CatalogEngine engine)
        : base(engine) => _store = new SqlRetentionStore(Database);

    [Fact]
    public async Task ApproveAsync_SameApproverTwice_RefusedByTheCatalogKey()
    {
        var proposal = await ProposeAsync();
        var approval = new DeletionApproval("li", "expired", Now);
        await _store.ApproveAsync(proposal.Id, approval, DeletionStatus.Proposed, null, Entry("deletion.approved"), CancellationToken.None);

        await Assert.ThrowsAnyAsync<DbException>(() => _store.ApproveAsync(proposal.Id, approval with { Reason = "again" }, DeletionStatus.Approved, Now, Entry("deletion.approved"), CancellationToken.None));

        var stored = await _store.FindProposalAsync(proposal.Id, CancellationToken.None);
        Assert.Equal(DeletionStatus.Proposed, stored!.Status);
        Assert.Single(stored.Approvals);
    }

    [Fact]
    public async Task ProposeAsync_SecondProposalWhileOneIsUnderWay_Refused()
    {
        await ProposeAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => ProposeAsync());
    }

    [Fact]
    public async Task CloseProposalAsync_Destroyed_MarksRecordingRowAndKeepsIt()
    {
        var proposal = await ProposeAsync();

        await _store.CloseProposalAsync(proposal.Id, DeletionStatus.Destroyed, Entry("deletion.destroyed"), CancellationToken.None);

        var row = await Catalog.FindAsync(proposal.Recording, CancellationToken.None);
        Assert.Equal(Now, row!.DestroyedAt);
        Assert.Equal(DeletionStatus.Destroyed, (await _store.FindProposalAsync(proposal.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RecordingRow_DeleteByHand_RefusedByTrigger()
    {
        await IngestAsync(Recording(1));
        var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync("DELETE FROM recordings"));

        Assert.Contains("never deleted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlaceAndReleaseHold_RoundTrip_ActiveOnlyFiltersReleased()
    {
        var recording = Recording(2);
        await IngestAsync(recording);
        var hold = await _store.PlaceHoldAsync(
            new LegalHold(0, HoldScope.Recording, recording.Id.Value, "appeal", "court", "li", Now, null, null, null),
            h => Entry("hold.placed", h.Id, recording.Id.Value),
            CancellationToken.None);

        await _store.ReleaseHoldAsync(hold.Id, "wang", "judgment final", Now.AddDays(1), Entry("hold.released"), CancellationToken.None);

        Assert.Empty(await _store.HoldsAsync(activeOnly: true, CancellationToken.None));
        var released = Assert.Single(await _store.HoldsAsync(activeOnly: false, CancellationToken.None));
        Assert.Equal(("wang", "judgment final"), (released.ReleasedBy, released.ReleaseReason));
        Assert.Contains((await Custody.ReadAsync(recording.Id.Value, CancellationToken.None)), r => r.Entry.Details.Contains($"\"hold\":{hold.Id}", StringComparison.Ordinal));
    }

    private async Task<DeletionProposal> ProposeAsync()
    {
        var recording = Recording(7);
        await IngestAsync(recording);
        var proposal = new DeletionProposal(0, recording.Id, recording.Sha256, recording.SizeBytes, "floor", [], DeletionStatus.Proposed, "li", Now, [], null);
        return await _store.ProposeAsync(proposal, p => Entry("deletion.proposed", p.Id, recording.Id.Value), CancellationToken.None);
    }

    private static CustodyEntry Entry(string action, long id = 0, string subject = "subject") =>
        new(Now, "test", action, subject, $$"""{"hold":{{id}},"proposal":{{id}}}""");
}
