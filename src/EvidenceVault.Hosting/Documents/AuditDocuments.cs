using System.Text.Json;
using EvidenceVault.Application.Audit;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of custody entries and the chain check, shared by the CLI and the HTTP API.</summary>
public static class AuditDocuments
{
    public static object Chain(CustodyChainReport report) => new
    {
        entries = report.Entries,
        intact = report.Intact,
        firstBroken = report.FirstBreak is { } b ? new { sequence = b.Sequence, problem = b.Problem } : null,
        editedRows = report.EditedRows.Select(r => new { table = r.Table, key = r.Key, problem = r.Problem }),
        checkpoints = report.Ledger.Checkpoints,
        checkpointProblems = report.Ledger.Problems.Select(p => new { checkpoint = p.Checkpoint, problem = p.Problem }),
        unverifiedRotations = report.Ledger.UnverifiedRotations,
        verifiedHead = report.Ledger.Head is { } h
            ? new { size = h.Size, rootHex = h.RootHex, rootBase64 = h.RootBase64, time = RecordingDocument.Time(h.Time), keyId = h.KeyId, checkpoint = h.Checkpoint, entriesAfter = report.Entries - h.Size }
            : null,
    };

    public static object Custody(CustodyRecord r) => new
    {
        sequence = r.Sequence,
        at = RecordingDocument.Time(r.Entry.At),
        actor = r.Entry.Actor,
        action = r.Entry.Action,
        subject = r.Entry.Subject,
        details = JsonDocument.Parse(r.Entry.Details).RootElement,
        previousHash = r.PreviousHash,
        hash = r.Hash,
    };
}
