namespace EvidenceVault.Domain.Naming;

/// <summary>What a recorder profile read from a file's name; every field is a hint, not proof.</summary>
public sealed record ParsedName(
    string Profile,
    string? Device,
    string? Officer,
    DateTimeOffset? RecordedAt,
    int? Sequence,
    int? Mark,
    string? RecorderFileId);
