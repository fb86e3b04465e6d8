using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Export;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Tests.Export;

public sealed class CustodyProofsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_SliceAsCut_NoProblems()
    {
        var log = Log(["case-1", "rec-a", "rec-b", "case-1", "rec-a", "other", "rec-a"]);

        var (slice, checkpoint, json) = Cut(log, ["case-1", "rec-a"]);

        Assert.Equal([1, 2, 4, 5, 7], slice.Entries.Select(e => e.Sequence));
        Assert.Empty(CustodyProofs.Check(json, slice, checkpoint, ["case-1", "rec-a"]));
    }

    [Fact]
    public void Check_LineRemoved_NamesTheMissingEntryOfItsSubject()
    {
        var log = Log(["case-1", "rec-a", "rec-a", "case-1", "rec-a"]);
        var (_, checkpoint, json) = Cut(log, ["case-1", "rec-a"]);

        // The forger drops entry 3 and re-links the rest: every remaining line still hashes and chains.
        var trimmed = CustodyLines.Check(log.Where(r => r.Sequence != 3).Select(CustodyLines.Line));
        var problems = CustodyProofs.Check(json, trimmed, checkpoint, ["case-1", "rec-a"]);

        Assert.Empty(trimmed.Problems);
        Assert.Equal("entry 3 of rec-a is missing from the slice (the vault listed 3 entries for it)", Assert.Single(problems));
    }

    [Fact]
    public void Check_EntryFromAnotherLog_NotInTheCheckpointedLog()
    {
        var log = Log(["case-1", "rec-a", "case-1"]);
        var (_, checkpoint, json) = Cut(log, ["case-1", "rec-a"]);

        // A made-up entry 2 hashes and chains on its own, but no proof leads from it to the signed root.
        var forged = Log(["case-1", "rec-a", "case-1"], actor: "forger");
        var problems = CustodyProofs.Check(json, CustodyLines.Check(forged.Select(CustodyLines.Line)), checkpoint, ["case-1", "rec-a"]);

        Assert.Contains("entry 2 is not in the log of 3 entries the checkpoint signed", problems);
    }

    [Fact]
    public void Check_ExportedSubjectNotInProofs_Named()
    {
        var log = Log(["case-1", "rec-a"]);
        var (slice, checkpoint, json) = Cut(log, ["case-1"]);

        var problems = CustodyProofs.Check(json, slice, checkpoint, ["case-1", "rec-a"]);

        Assert.Equal("rec-a: the proofs list no custody entries for this exported subject", Assert.Single(problems));
    }

    [Fact]
    public void Check_ProofsForAnotherCheckpoint_Named()
    {
        var log = Log(["case-1", "rec-a", "case-1"]);
        var (slice, _, json) = Cut(log, ["case-1", "rec-a"]);
        var older = Checkpoint.Of("test", 2, MerkleTree.Root([.. log.Take(2).Select(r => MerkleTree.EntryLeafHash(r.Hash))]), At);

        var problem = Assert.Single(CustodyProofs.Check(json, slice, older, ["case-1", "rec-a"]));

        Assert.StartsWith("the proofs are for a log of 3 entries", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"size\":1,\"rootHash\":\"x\"}")]
    public void Check_HostileProofs_ProblemNotException(string json)
    {
        var log = Log(["case-1"]);
        var (slice, checkpoint, _) = Cut(log, ["case-1"]);

        Assert.NotEmpty(CustodyProofs.Check(json, slice, checkpoint, ["case-1"]));
    }

    [Fact]
    public void Cut_LogWithAGap_Refused()
    {
        var log = Log(["case-1", "rec-a", "case-1"]).Where(r => r.Sequence != 2).ToList();

        var refused = Assert.Throws<ExportRefusedException>(() => CustodyProofs.Cut(log, ["case-1"]));

        Assert.Contains("custody entry 2 is missing", refused.Message, StringComparison.Ordinal);
    }

    private static (CustodySlice Slice, Checkpoint Checkpoint, string Json) Cut(IReadOnlyList<CustodyRecord> log, string[] subjects)
    {
        var cut = CustodyProofs.Cut(log, subjects);
        return (CustodyLines.Check(cut.Slice.Select(CustodyLines.Line)), Checkpoint.Of("test", cut.Size, cut.Root, At), cut.ProofsJson);
    }

    /// <summary>A hash-chained log with one entry per subject given, numbered from 1.</summary>
    private static List<CustodyRecord> Log(string[] subjects, string actor = "officer")
    {
        var records = new List<CustodyRecord>();
        var previous = CustodyChain.Genesis;
        foreach (var subject in subjects)
        {
            var sequence = records.Count + 1L;
            var entry = new CustodyEntry(At.AddMinutes(sequence), actor, "test.event", subject, $"{{\"n\":{sequence}}}");
            var hash = CustodyChain.Hash(sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Details, previous);
            records.Add(new CustodyRecord(sequence, entry, previous, hash));
            previous = hash;
        }

        return records;
    }
}
