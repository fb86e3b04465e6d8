using System.Text.Json;
using EvidenceVault.Application.Audit;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of custody entries and the chain check, shared by the CLI and the HTTP API.</summary>
public static class AuditDocuments
{
    public static ChainJson Chain(CustodyChainReport report) => new(
        report.Entries,
        report.Intact,
        report.FirstBreak is { } b ? new ChainBreakJson(b.Sequence, b.Problem) : null,
        [.. report.EditedRows.Select(r => new EditedRowJson(r.Table, r.Key, r.Problem))],
        report.Ledger.Checkpoints,
        [.. report.Ledger.Problems.Select(p => new CheckpointProblemJson(p.Checkpoint, p.Problem))],
        report.Ledger.UnverifiedRotations,
        report.Ledger.Head is { } h
            ? new VerifiedHeadJson(h.Size, h.RootHex, h.RootBase64, RecordingDocument.Time(h.Time), h.KeyId, h.Checkpoint, report.Entries - h.Size)
            : null);

    public static CustodyJson Custody(CustodyRecord r) => new(
        r.Sequence,
        RecordingDocument.Time(r.Entry.At),
        r.Entry.Actor,
        r.Entry.Action,
        r.Entry.Subject,
        JsonDocument.Parse(r.Entry.Details).RootElement,
        r.PreviousHash,
        r.Hash);
}
