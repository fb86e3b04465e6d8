namespace EvidenceVault.Domain.Ingestion;

/// <summary>The wire names of <see cref="IngestStatus"/> values (kebab-case, stable).</summary>
public static class StatusText
{
    public static string Of(IngestStatus status) => status switch
    {
        IngestStatus.Stored => "stored",
        IngestStatus.Duplicate => "duplicate",
        IngestStatus.AlreadyIngested => "already-ingested",
        IngestStatus.Quarantined => "quarantined",
        IngestStatus.Rejected => "rejected",
        IngestStatus.Ignored => "ignored",
        IngestStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown ingest status."),
    };

    public static IngestStatus Parse(string text) =>
        Enum.GetValues<IngestStatus>().FirstOrDefault(s => Of(s) == text, (IngestStatus)(-1)) is var status && Enum.IsDefined(status)
            ? status
            : throw new FormatException($"'{text}' is not an ingest status.");
}
