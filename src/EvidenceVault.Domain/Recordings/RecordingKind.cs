namespace EvidenceVault.Domain.Recordings;

/// <summary>What a file holds, decided from its content, never from its extension.</summary>
public enum RecordingKind
{
    Other,
    Video,
    Audio,
    Photo,
    Text,
}
