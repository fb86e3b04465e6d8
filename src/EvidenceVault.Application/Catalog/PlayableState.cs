namespace EvidenceVault.Application.Catalog;

/// <summary>Whether a recording can be watched in a browser: null while media work is pending.</summary>
public static class PlayableState
{
    public static bool? Of(RecordingEntry recording) => recording.MediaState switch
    {
        MediaState.Pending => null,
        MediaState.Done => recording.HasProxy,
        _ => false,
    };
}
