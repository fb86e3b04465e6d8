namespace EvidenceVault.Application.Custody;

/// <summary>The custody action names; stable, because auditors search for them.</summary>
public static class CustodyActions
{
    public const string Ingested = "recording.ingested";
    public const string SightedAgain = "recording.sighted";
    public const string Quarantined = "recording.quarantined";

    /// <summary>A later sighting of the same bytes with better-founded facts (device binding, a parsed name) replaced the recording's.</summary>
    public const string FactsUpgraded = "recording.facts-upgraded";
    public const string SourceWiped = "source.wiped";
    public const string MediaProcessed = "recording.media-processed";
    public const string MediaFailed = "recording.media-failed";

    /// <summary>A proxy or thumbnail made again from the verified original; names the old and the new SHA-256.</summary>
    public const string DerivativeRegenerated = "recording.derivative-regenerated";
    public const string Viewed = "recording.viewed";

    /// <summary>A marker with a note at a moment of a recording (the player's annotations); the ledger is its only store.</summary>
    public const string MarkerAdded = "recording.marker-added";
    public const string Retrieved = "recording.retrieved";

    /// <summary>A redacted copy made from the verified original; names the copy, its lineage and its digest.</summary>
    public const string Redacted = "recording.redacted";
    public const string Verified = "vault.verified";
    public const string IntegrityFailure = "vault.integrity-failure";
    public const string IngestRun = "ingest.run";
    public const string CaseCreated = "case.created";
    public const string CaseClosed = "case.closed";

    /// <summary>Asking to reopen a filed case (归档), with the reason; a second person approves.</summary>
    public const string CaseReopenRequested = "case.reopen-requested";

    /// <summary>A filed case opened again: names the requester, the approver and the reason.</summary>
    public const string CaseReopened = "case.reopened";
    public const string ActivityAdded = "case.activity-added";
    public const string ActivityChanged = "case.activity-changed";
    public const string LegalReviewRecorded = "case.legal-review";
    public const string CaseDecided = "case.decided";
    public const string RecordingLinked = "case.recording-linked";
    public const string RecordingUnlinked = "case.recording-unlinked";
    public const string DisclosureRecorded = "case.disclosure";
    public const string PublicationDrafted = "publication.drafted";

    /// <summary>A decision kept off the site (minor, secret, private): the rule and its reason.</summary>
    public const string PublicationRefused = "publication.refused";
    public const string PublicationRedacted = "publication.redacted";

    /// <summary>A second person approved the masked text and it went on the public site.</summary>
    public const string PublicationApproved = "publication.approved";
    public const string PublicationWithdrawn = "publication.withdrawn";
    public const string PublicationEnded = "publication.ended";
    public const string PriorDisclosureChanged = "prior-disclosure.changed";
    public const string PriorDisclosurePublished = "prior-disclosure.published";
    public const string OfficerSaved = "registry.officer-saved";
    public const string DeviceSaved = "registry.device-saved";
    public const string DeviceBound = "registry.device-bound";
    public const string MarkSet = "retention.mark-set";
    public const string MarkCleared = "retention.mark-cleared";
    public const string CategorySet = "retention.category-set";

    /// <summary>A change let a recording go sooner (a detach an archivist approved): the term before and after.</summary>
    public const string TermShortened = "retention.term-shortened";
    public const string HoldPlaced = "hold.placed";
    public const string HoldReleased = "hold.released";
    public const string DeletionProposed = "deletion.proposed";
    public const string DeletionApproved = "deletion.approved";
    public const string DeletionRejected = "deletion.rejected";
    public const string DeletionRecovered = "deletion.recovered";
    public const string DeletionRefused = "deletion.refused";

    /// <summary>The tombstone: hash, size, rule, approvers and time of an original whose bytes were destroyed.</summary>
    public const string DeletionDestroyed = "deletion.destroyed";
    public const string DeadlineOpened = "deadline.opened";
    public const string DeadlineMet = "deadline.met";
    public const string DeadlineMissed = "deadline.missed";
    public const string DeadlineOverdue = "deadline.overdue";

    public const string FixityChecked = "fixity.checked";
    public const string IncidentRaised = "integrity.incident-raised";
    public const string IncidentResolved = "integrity.incident-resolved";
    public const string RecordingExported = "recording.exported";
    public const string CaseExported = "case.exported";

    /// <summary>The vault signing key was replaced; the entry carries both public keys, signed by each.</summary>
    public const string KeysRotated = "keys.rotated";

    public const string UserSaved = "user.saved";
    public const string UserDisabled = "user.disabled";
    public const string AccessDenied = "access.denied";
    public const string EvidenceListed = "evidence.listed";
    public const string RetrievalRequested = "retrieval.requested";
    public const string RetrievalApproved = "retrieval.approved";
    public const string RetrievalRejected = "retrieval.rejected";
    public const string RetrievalRevoked = "retrieval.revoked";

    /// <summary>A random draw's terms fixed before its seed exists (subject = the draw number).</summary>
    public const string DrawCommitted = "draw.committed";

    /// <summary>A draw's public seed entered and its outcome fixed, once.</summary>
    public const string DrawRevealed = "draw.revealed";

    /// <summary>A new version of a 双随机 pool (targets or inspectors) imported, subject = inspection-pool/v&lt;n&gt;.</summary>
    public const string InspectionPoolChanged = "inspection.pool-changed";

    /// <summary>A 双随机 task created with its two committed draws, subject = the task number.</summary>
    public const string InspectionTaskCreated = "inspection.task-created";

    /// <summary>Both draws of a task revealed and the ev-inspect-1 assignment fixed.</summary>
    public const string InspectionTaskRevealed = "inspection.task-revealed";

    /// <summary>An inspector stood down (回避) from a target, with the reason and the ranking's replacement.</summary>
    public const string InspectionRecused = "inspection.inspector-recused";

    /// <summary>The result at one drawn target recorded.</summary>
    public const string InspectionOutcomeRecorded = "inspection.outcome-recorded";

    /// <summary>A task's results put on the public site.</summary>
    public const string InspectionPublished = "inspection.results-published";

    /// <summary>A supervisor's checklist review of a spot-checked recording (subject = the recording id).</summary>
    public const string SpotCheckReviewed = "spot-check.reviewed";

    public const string SignedIn = "auth.signed-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string LockedOut = "auth.locked-out";
    public const string SignedOut = "auth.signed-out";
    public const string PasswordSet = "auth.password-set";
    public const string StationKeyIssued = "station.key-issued";
    public const string StationKeyRevoked = "station.key-revoked";
    /// <summary>A dead background job was given fresh attempts by a person.</summary>
    public const string JobRetried = "job.retried";
    public const string UploadCreated = "upload.created";
    public const string UploadCompleted = "upload.completed";

    /// <summary>The complete file did not hash to the declared SHA-256 (or was nothing to keep): not evidence.</summary>
    public const string UploadRefused = "upload.refused";
    public const string UploadTerminated = "upload.terminated";
    public const string UploadExpired = "upload.expired";

    /// <summary>A recorder docked at a station, subject = its device id: bay, how it was identified, its clock offset.</summary>
    public const string StationDocked = "station.docked";

    /// <summary>USB storage a station refused (not a registered recorder), subject = its serial or mount.</summary>
    public const string StationRefused = "station.refused";

    /// <summary>An information request from the public (依申请公开), subject = its reference; details carry a digest of the applicant's data, not the data.</summary>
    public const string InformationRequestReceived = "information-request.received";
    public const string InformationRequestViewed = "information-request.viewed";
    public const string InformationRequestCompletionNoticed = "information-request.completion-noticed";
    public const string InformationRequestCompleted = "information-request.completed";
    public const string InformationRequestExtended = "information-request.extended";
    public const string InformationRequestAnswered = "information-request.answered";
}
