using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Tests.Ingestion;

public sealed class ExtensionExpectationTests
{
    [Fact]
    public void IsMismatch_TextNamedMp4_IsMismatch() =>
        Assert.True(ExtensionExpectation.IsMismatch(ExtensionExpectation.ClaimedKind("VID_0001.MP4")!.Value, new DetectedContent("text", RecordingKind.Text)));

    [Fact]
    public void IsMismatch_AudioOnlyMp4NamedMp4_IsNotMismatch() =>
        Assert.False(ExtensionExpectation.IsMismatch(RecordingKind.Video, new DetectedContent("m4a", RecordingKind.Audio)));

    [Fact]
    public void IsMismatch_UnknownContent_IsNotAMismatchButLeftToMediaChecks() =>
        Assert.False(ExtensionExpectation.IsMismatch(RecordingKind.Video, DetectedContent.Unknown));

    [Fact]
    public void ClaimedKind_UnknownExtension_IsNull() => Assert.Null(ExtensionExpectation.ClaimedKind("notes.xyz"));
}
