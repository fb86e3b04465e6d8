using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class RedactionStoreTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    [Fact]
    public async Task CreateAsync_TwoCopies_NumberedInOrderRoundTripWithLineageAndCustody()
    {
        var recording = Recording(1);
        await IngestAsync(recording);
        var store = new SqlRedactionStore(Database);

        var first = await store.CreateAsync(id => Copy(id, recording, 'c'), r => Entry(recording, r), CancellationToken.None);
        var second = await store.CreateAsync(id => Copy(id, recording, 'd'), r => Entry(recording, r), CancellationToken.None);

        Assert.Equal(["RD-1", "RD-2"], new[] { first.Id.ToString(), second.Id.ToString() });
        Assert.Equal(first, await store.FindAsync(first.Id, CancellationToken.None));
        Assert.Equal([first, second], await store.ListAsync(recording.Id, CancellationToken.None));
        Assert.Null(await store.FindAsync(new RedactionId(3), CancellationToken.None));
        Assert.Equal(2, (await Custody.ReadAsync(recording.Id.Value, CancellationToken.None)).Count(e => e.Entry.Action == CustodyActions.Redacted));
    }

    [Fact]
    public async Task Update_RecordedCopy_RefusedByTheDatabase()
    {
        var recording = Recording(1);
        await IngestAsync(recording);
        await new SqlRedactionStore(Database).CreateAsync(id => Copy(id, recording, 'c'), r => Entry(recording, r), CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("UPDATE redactions SET sha256 = 'x'"));
    }

    private static RecordingRedaction Copy(RedactionId id, RecordingEntry recording, char fill) => new(
        id, recording.Id, recording.Sha256, """{ "version": 1, "mutes": [ { "from": 0, "to": 1 } ] }""", Sha256Digest.Parse(new string('e', 64)),
        "ffmpeg version 5.1.9", new DerivativeDigest(Sha256Digest.Parse(new string(fill, 64)), 1234), "tester", Now);

    private static CustodyEntry Entry(RecordingEntry recording, RecordingRedaction redaction) =>
        new(Now, "tester", CustodyActions.Redacted, recording.Id.Value, $$"""{"redaction":"{{redaction.Id}}"}""");
}
