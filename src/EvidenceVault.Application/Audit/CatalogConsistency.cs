using System.Text.Json;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Audit;

/// <summary>A catalog row that no longer agrees with the custody entry that created it.</summary>
public sealed record RowMismatch(string Table, string Key, string Problem);

/// <summary>
/// Detects rows edited by hand behind the application: every recording and case row is compared with the
/// hash-chained custody entry written in the same transaction that created it.
/// </summary>
public sealed class CatalogConsistency(ICatalog catalog, ICaseStore cases, IRegistry registry, ICustodyLog custody)
{
    public async Task<IReadOnlyList<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        foreach (var recording in await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken))
        {
            mismatches.AddRange(await CheckRecordingAsync(recording, cancellationToken));
        }

        foreach (var c in await cases.ListAsync(null, cancellationToken))
        {
            var created = (await custody.ReadAsync(c.Number.Value, cancellationToken)).FirstOrDefault(r => r.Entry.Action == CustodyActions.CaseCreated);
            using var details = created is null ? null : JsonDocument.Parse(created.Entry.Details);
            if (details is null)
            {
                mismatches.Add(new RowMismatch("cases", c.Number.Value, "no custody entry created this case"));
            }
            else if (details.RootElement.GetProperty("type").GetString() != c.Type.ToString() || details.RootElement.GetProperty("party").GetString() != c.Party)
            {
                mismatches.Add(new RowMismatch("cases", c.Number.Value, "type or party differs from the custody entry that created the case"));
            }
        }

        mismatches.AddRange(await CheckLinksAsync(cancellationToken));
        foreach (var officer in await registry.OfficersAsync(cancellationToken))
        {
            var saved = await LatestAsync(officer.Number.Value, CustodyActions.OfficerSaved, cancellationToken);
            if (saved is null || Text(saved, "name") != officer.Name || Text(saved, "certificate") != officer.CertificateNumber || Text(saved, "unit") != officer.Unit)
            {
                mismatches.Add(new RowMismatch("officers", officer.Number.Value, "differs from the custody entry of its last change"));
            }
        }

        foreach (var device in await registry.DevicesAsync(cancellationToken))
        {
            var saved = await LatestAsync(device.Id.Value, CustodyActions.DeviceSaved, cancellationToken);
            if (saved is null || Text(saved, "model") != device.Model || Text(saved, "unit") != device.Unit)
            {
                mismatches.Add(new RowMismatch("devices", device.Id.Value, "differs from the custody entry of its last change"));
            }
        }

        return mismatches;
    }

    /// <summary>Every link must be the outcome of the last link entry for its case and recording.</summary>
    private async Task<IEnumerable<RowMismatch>> CheckLinksAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        foreach (var link in await cases.LinksAsync(null, null, cancellationToken))
        {
            var entries = await custody.ReadAsync(link.Case.Value, cancellationToken);
            var last = entries.LastOrDefault(e => e.Entry.Action is CustodyActions.RecordingLinked or CustodyActions.RecordingUnlinked
                && JsonDocument.Parse(e.Entry.Details).RootElement.GetProperty("recording").GetString() == link.Recording.Value);
            using var details = last is null ? null : JsonDocument.Parse(last.Entry.Details);
            var root = details?.RootElement;
            if (last?.Entry.Action != CustodyActions.RecordingLinked || root?.GetProperty("stage").GetString() != link.Stage.ToString()
                || root?.GetProperty("reason").GetString() != link.Reason)
            {
                mismatches.Add(new RowMismatch("recording_links", $"{link.Case}/{link.Recording}", "differs from the custody entry that linked it"));
            }
        }

        return mismatches;
    }

    private async Task<JsonElement?> LatestAsync(string subject, string action, CancellationToken cancellationToken)
    {
        var last = (await custody.ReadAsync(subject, cancellationToken)).LastOrDefault(r => r.Entry.Action == action);
        return last is null ? null : JsonDocument.Parse(last.Entry.Details).RootElement.Clone();
    }

    private static string? Text(JsonElement? details, string property) =>
        details is { } d && d.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<IEnumerable<RowMismatch>> CheckRecordingAsync(RecordingEntry recording, CancellationToken cancellationToken)
    {
        var key = recording.Id.Value;
        if (RecordingId.For(recording.Sha256) != recording.Id)
        {
            return [new RowMismatch("recordings", key, $"the SHA-256 {recording.Sha256} does not belong to this recording id")];
        }

        var created = (await custody.ReadAsync(key, cancellationToken))
            .FirstOrDefault(r => r.Entry.Action is CustodyActions.Ingested or CustodyActions.Quarantined);
        if (created is null)
        {
            return [new RowMismatch("recordings", key, "no custody entry records this recording's ingest")];
        }

        using var details = JsonDocument.Parse(created.Entry.Details);
        var root = details.RootElement;
        return root.GetProperty("sha256").GetString() != recording.Sha256.Hex
            || root.GetProperty("size").GetInt64() != recording.SizeBytes
            || root.GetProperty("path").GetString() != recording.SourcePath
            ? [new RowMismatch("recordings", key, "hash, size or source path differs from the custody entry of its ingest")]
            : [];
    }
}
