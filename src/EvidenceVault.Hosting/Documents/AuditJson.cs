using System.Text.Json;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The custody chain check: where it broke, edited rows, and the signed head it verified.</summary>
public sealed record ChainJson(
    long Entries,
    bool Intact,
    ChainBreakJson? FirstBroken,
    IReadOnlyList<EditedRowJson> EditedRows,
    int Checkpoints,
    IReadOnlyList<CheckpointProblemJson> CheckpointProblems,
    IReadOnlyList<long> UnverifiedRotations,
    VerifiedHeadJson? VerifiedHead);

public sealed record ChainBreakJson(long Sequence, string Problem);

public sealed record EditedRowJson(string Table, string Key, string Problem);

public sealed record CheckpointProblemJson(string Checkpoint, string Problem);

/// <summary>The last signed checkpoint the chain matched, and how many entries came after it.</summary>
public sealed record VerifiedHeadJson(long Size, string RootHex, string RootBase64, string? Time, string KeyId, string Checkpoint, long EntriesAfter);

/// <summary>One custody entry; its details are the JSON the entry was written with, unchanged.</summary>
public sealed record CustodyJson(long Sequence, string? At, string Actor, string Action, string Subject, JsonElement Details, string PreviousHash, string Hash);
