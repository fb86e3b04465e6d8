using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Application.Tests.Access;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Application.Tests.Redaction;

/// <summary>Redacted copies over in-memory stores and a fake ffmpeg: who may make them, what they record, and that the original stays as it was.</summary>
public sealed class RedactRecordingTests : IDisposable
{
    private const string Spec = """{ "version": 1, "regions": [ { "mode": "blackout", "from": 1, "to": 2, "box": { "x": 0, "y": 0, "w": 64, "h": 48 } } ], "mutes": [ { "from": 0, "to": 1 } ] }""";

    private static readonly MediaFacts Facts =
        new("mov,mp4,m4a,3gp,3g2,mj2", TimeSpan.FromSeconds(4), new VideoFacts("h264", 320, 240, "yuv420p", 25), new AudioFacts("aac", 48000, 2), null);

    private readonly AccessFixture _f = new();
    private readonly InMemoryVault _vault = new();
    private readonly InMemoryRedactionStore _store;
    private readonly InMemoryFixityStore _fixity;
    private readonly FakeRedactor _redactor = new();
    private readonly string _staging = Directory.CreateTempSubdirectory("ev-redact-").FullName;
    private readonly RecordingEntry _zhangs;
    private readonly RecordingEntry _lis;

    public RedactRecordingTests()
    {
        _store = new InMemoryRedactionStore(_f.Catalog);
        _fixity = new InMemoryFixityStore(_f.Catalog);
        _zhangs = Stored("zhang's clip", AccessFixture.ZhangNumber);
        _lis = Stored("li's clip", AccessFixture.LiNumber);
        _f.WithStaff();
    }

    public void Dispose() => Directory.Delete(_staging, recursive: true);

    [Fact]
    public async Task Handle_AnotherOfficersRecordingWithoutGrant_DeniedLoggedAndNothingMade()
    {
        _f.Access.Actor = "zhang";

        await Assert.ThrowsAsync<AccessDeniedException>(() => Redact(new RedactRecordingCommand(_lis.Id, Spec)).AsTask());

        Assert.Equal(1, _f.Denials);
        Assert.Equal(0, _redactor.Runs);
        Assert.Empty(_vault.Redactions);
        Assert.Empty(_store.Redactions);
    }

    [Fact]
    public async Task Handle_GrantForAnotherRecording_DeniedEvenWithAValidSpec()
    {
        _f.Access.Actor = "wang";
        var grant = _f.Grant("wang", _zhangs);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Redact(new RedactRecordingCommand(_lis.Id, Spec, grant.Id)).AsTask());

        Assert.Equal(0, _redactor.Runs);
        Assert.Empty(_store.Redactions);
    }

    [Fact]
    public async Task Handle_OwnRecording_StoresTheCopyWithItsLineageAndLeavesTheOriginalAsItWas()
    {
        _f.Access.Actor = "zhang";
        var before = _vault.Originals[_zhangs.Sha256].ToArray();

        var made = await Redact(new RedactRecordingCommand(_zhangs.Id, Spec));

        var stored = _vault.Redactions[(_zhangs.Sha256, made.Copy.Sha256)];
        Assert.Equal((Digest(stored), (long)stored.Length), (made.Copy.Sha256, made.Copy.Length));
        Assert.Equal((new RedactionId(1), _zhangs.Sha256, Digest(Encoding.UTF8.GetBytes(Spec)), Spec, "ffmpeg version fake", "zhang"), (made.Id, made.Source, made.SpecSha256, made.Spec, made.Tool, made.CreatedBy));
        Assert.Equal(RedactionSpec.Parse(Spec).Mutes, _redactor.Spec!.Mutes);

        var entry = Assert.Single(_f.Catalog.Custody, c => c.Action == CustodyActions.Redacted);
        Assert.Equal(new RecordingRedactedDetails("RD-1", _zhangs.Sha256.Hex, made.SpecSha256.Hex, "ffmpeg version fake", made.Copy.Sha256.Hex, made.Copy.Length), CustodyEntries.Read<RecordingRedactedDetails>(entry));
        Assert.Equal(_zhangs.Id.Value, entry.Subject);

        Assert.Equal(before, _vault.Originals[_zhangs.Sha256]);
        Assert.Equal(FixityState.Intact, (await new OriginalFixity(_vault).CheckAsync(_zhangs, null, null, CancellationToken.None)).State);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_staging));
    }

    [Fact]
    public async Task Handle_GrantCoveringTheRecording_MayRedactAndTheEntryNamesTheGrant()
    {
        _f.Access.Actor = "wang";
        var grant = _f.Grant("wang", _lis);

        await Redact(new RedactRecordingCommand(_lis.Id, Spec, grant.Id));

        Assert.Equal("R-1", CustodyEntries.Read<RecordingRedactedDetails>(_f.Catalog.Custody.Single(c => c.Action == CustodyActions.Redacted))!.Grant);
    }

    [Fact]
    public async Task Handle_OriginalNoLongerVerifies_RefusedWithAnIncidentAndNoCopy()
    {
        _f.Access.Actor = "zhang";
        _vault.Corrupt(_zhangs.Sha256);

        var refused = await Assert.ThrowsAsync<RetrievalRefusedException>(() => Redact(new RedactRecordingCommand(_zhangs.Id, Spec)).AsTask());

        Assert.True(refused.IsIntegrityFailure);
        Assert.Single(_fixity.Incidents);
        Assert.Equal(0, _redactor.Runs);
    }

    [Theory]
    [InlineData("""{ "version": 1, "regions": [ { "mode": "blur", "from": 0, "to": 1, "box": { "x": 300, "y": 0, "w": 64, "h": 48 } } ] }""", "reaches outside the 320x240 picture")]
    [InlineData("""{ "version": 1, "mutes": [ { "from": 3, "to": 9 } ] }""", "runs past the end of the recording (4 s)")]
    [InlineData("""{ "version": 1, "mutes": [ { "from": 3 """, "not valid JSON")]
    public async Task Handle_SpecDoesNotFit_RefusedWithTheReasonAndNothingMade(string spec, string expected)
    {
        _f.Access.Actor = "zhang";

        var refused = await Assert.ThrowsAsync<RedactionSpecException>(() => Redact(new RedactRecordingCommand(_zhangs.Id, spec)).AsTask());

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _redactor.Runs);
        Assert.Empty(_store.Redactions);
    }

    [Fact]
    public async Task RetrieveRedaction_StoredCopySwapped_WithheldNothingWrittenAndAnIncidentRaised()
    {
        _f.Access.Actor = "zhang";
        var made = await Redact(new RedactRecordingCommand(_zhangs.Id, Spec));
        _vault.Redactions[(_zhangs.Sha256, made.Copy.Sha256)] = new byte[made.Copy.Length];
        var output = Path.Combine(_staging, "out.mp4");

        var refused = await Assert.ThrowsAsync<RetrievalRefusedException>(() => Retrieve(new RetrieveRedactionCommand(_zhangs.Id, made.Id, output)).AsTask());

        Assert.True(refused.IsIntegrityFailure);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_staging));
        Assert.Equal("redaction-changed", Assert.Single(_fixity.Incidents).Kind);
        Assert.Contains(_f.Catalog.Custody, c => c.Action == CustodyActions.IntegrityFailure && c.Details.Contains("\"redaction\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetrieveRedaction_AnotherOfficer_DeniedAndLogged()
    {
        _f.Access.Actor = "zhang";
        var made = await Redact(new RedactRecordingCommand(_zhangs.Id, Spec));
        _f.Access.Actor = "li";

        await Assert.ThrowsAsync<AccessDeniedException>(() => Retrieve(new RetrieveRedactionCommand(_zhangs.Id, made.Id, Path.Combine(_staging, "out.mp4"))).AsTask());

        Assert.Equal(1, _f.Denials);
    }

    [Fact]
    public async Task RetrieveRedaction_Intact_WritesTheCopyAndLogsTheRetrieval()
    {
        _f.Access.Actor = "zhang";
        var made = await Redact(new RedactRecordingCommand(_zhangs.Id, Spec));
        var output = Path.Combine(_staging, "out.mp4");

        var result = await Retrieve(new RetrieveRedactionCommand(_zhangs.Id, made.Id, output));

        Assert.Equal((made.Copy.Sha256.Hex, made.Copy.Length), (result.Sha256, result.Length));
        Assert.Equal(_vault.Redactions[(_zhangs.Sha256, made.Copy.Sha256)], await File.ReadAllBytesAsync(output));
        var details = CustodyEntries.Read<RecordingRetrievedDetails>(_f.Catalog.Custody.Single(c => c.Action == CustodyActions.Retrieved))!;
        Assert.Equal(("redaction", "RD-1"), (details.Target, details.Redaction));
    }

    [Fact]
    public async Task RedactedOnlyGrant_OriginalProxyOrExport_DeniedAndLogged()
    {
        _f.Access.Actor = "zhang";
        await Redact(new RedactRecordingCommand(_zhangs.Id, Spec));
        _f.Access.Actor = "wang";
        var grant = RedactedOnlyGrant("wang", _zhangs);

        // RetrieveRecording, the player and the export all ask these two doors.
        var bytes = await Assert.ThrowsAsync<RedactedCopiesOnlyException>(() => Gate(Incidents()).AdmitAsync(_zhangs.Id, grant.Id, CancellationToken.None));
        await Assert.ThrowsAsync<RedactedCopiesOnlyException>(() => _f.Recordings.RequireAsync([_zhangs.Id], grant.Id, CancellationToken.None));

        Assert.Contains("redacted copies only", bytes.Message, StringComparison.Ordinal);
        Assert.Equal(2, _f.Denials);
    }

    [Fact]
    public async Task RedactedOnlyGrant_MakingACopy_DeniedBecauseItReadsTheOriginal()
    {
        _f.Access.Actor = "wang";
        var grant = RedactedOnlyGrant("wang", _zhangs);

        await Assert.ThrowsAsync<RedactedCopiesOnlyException>(() => Redact(new RedactRecordingCommand(_zhangs.Id, Spec, grant.Id)).AsTask());

        Assert.Equal(0, _redactor.Runs);
    }

    [Fact]
    public async Task RedactedOnlyGrant_RedactedCopy_HandedOutUnderTheGrant()
    {
        _f.Access.Actor = "zhang";
        var made = await Redact(new RedactRecordingCommand(_zhangs.Id, Spec));
        _f.Access.Actor = "wang";
        var grant = RedactedOnlyGrant("wang", _zhangs);

        await Retrieve(new RetrieveRedactionCommand(_zhangs.Id, made.Id, Path.Combine(_staging, "out.mp4"), grant.Id));

        Assert.Equal("R-1", CustodyEntries.Read<RecordingRetrievedDetails>(_f.Catalog.Custody.Single(c => c.Action == CustodyActions.Retrieved))!.Grant);
    }

    private Domain.Access.RetrievalRequest RedactedOnlyGrant(string requester, RecordingEntry recording)
    {
        var grant = _f.Grant(requester, recording) with { RedactedOnly = true };
        _f.Access.Requests[grant.Id] = grant;
        return grant;
    }

    private IntegrityIncidents Incidents() => new(_fixity, _f.Entries, new VerificationCache(new(), _f.Time));

    private ValueTask<RecordingRedaction> Redact(RedactRecordingCommand command)
    {
        var incidents = new IntegrityIncidents(_fixity, _f.Entries, new VerificationCache(new(), _f.Time));
        return new RedactRecordingHandler(
            Gate(incidents), new OriginalFixity(_vault), incidents, _vault, _vault, new FixedProbe(), _redactor, new StagingArea(_staging), _store, _f.Entries)
            .Handle(command, CancellationToken.None);
    }

    private ValueTask<RetrievalResult> Retrieve(RetrieveRedactionCommand command) =>
        new RetrieveRedactionHandler(_store, Gate(Incidents()), new RedactedCopies(_vault), Incidents(), _f.Catalog, _f.Entries)
            .Handle(command, CancellationToken.None);

    private RetrievalGate Gate(IntegrityIncidents incidents) => new(_f.Catalog, _f.Recordings, incidents);

    private RecordingEntry Stored(string content, OfficerId officer)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var digest = Digest(bytes);
        _vault.Originals[digest] = bytes;
        var entry = new RecordingEntry
        {
            Id = RecordingId.For(digest),
            Sha256 = digest,
            SizeBytes = bytes.Length,
            Kind = RecordingKind.Video,
            Format = "mp4",
            Officer = officer,
            SourcePath = "DCIM/clip.mp4",
            IngestedAt = _f.Time.GetUtcNow(),
            StationClock = _f.Time.GetLocalNow(),
            Status = IngestStatus.Stored,
        };
        _f.Catalog.Recordings[entry.Id] = entry;
        return entry;
    }

    private static Sha256Digest Digest(byte[] bytes) => Sha256Digest.FromBytes(SHA256.HashData(bytes));

    private sealed class FixedProbe : IMediaProbe
    {
        public Task<MediaFacts> ProbeAsync(string localPath, CancellationToken cancellationToken) => Task.FromResult(Facts);

        public Task<string> DescribeToolsAsync(CancellationToken cancellationToken) => Task.FromResult("ffmpeg version fake");
    }

    /// <summary>Writes the input's bytes reversed: a copy that differs from the original and says what it was made from.</summary>
    private sealed class FakeRedactor : IMediaRedactor
    {
        public int Runs { get; private set; }

        public RedactionSpec? Spec { get; private set; }

        public async Task CreateRedactionAsync(string inputPath, string outputPath, RedactionSpec spec, MediaFacts facts, CancellationToken cancellationToken)
        {
            Runs++;
            Spec = spec;
            var bytes = await File.ReadAllBytesAsync(inputPath, cancellationToken);
            await File.WriteAllBytesAsync(outputPath, [.. bytes.Reverse(), .. "redacted"u8.ToArray()], cancellationToken);
        }

        public Task<string> DescribeToolAsync(CancellationToken cancellationToken) => Task.FromResult("ffmpeg version fake");
    }
}
