namespace EvidenceVault.Application.Custody;

/// <summary>The custody action names; stable, because auditors search for them.</summary>
public static class CustodyActions
{
    public const string Ingested = "recording.ingested";
    public const string SightedAgain = "recording.sighted";
    public const string Quarantined = "recording.quarantined";
    public const string SourceWiped = "source.wiped";
    public const string MediaProcessed = "recording.media-processed";
    public const string MediaFailed = "recording.media-failed";
    public const string Viewed = "recording.viewed";
    public const string Retrieved = "recording.retrieved";
    public const string RetrievalRefused = "recording.retrieval-refused";
    public const string Verified = "vault.verified";
    public const string IntegrityFailure = "vault.integrity-failure";
    public const string IngestRun = "ingest.run";
    public const string CaseCreated = "case.created";
    public const string CaseClosed = "case.closed";
    public const string ActivityAdded = "case.activity-added";
    public const string LegalReviewRecorded = "case.legal-review";
    public const string CaseDecided = "case.decided";
    public const string RecordingLinked = "case.recording-linked";
    public const string RecordingUnlinked = "case.recording-unlinked";
    public const string DisclosureRecorded = "case.disclosure";
    public const string OfficerSaved = "registry.officer-saved";
    public const string DeviceSaved = "registry.device-saved";
    public const string DeviceBound = "registry.device-bound";
    public const string UserSaved = "user.saved";
    public const string UserDisabled = "user.disabled";
    public const string AccessDenied = "access.denied";
    public const string RetrievalRequested = "retrieval.requested";
    public const string RetrievalApproved = "retrieval.approved";
    public const string RetrievalRejected = "retrieval.rejected";
    public const string RetrievalRevoked = "retrieval.revoked";
}
