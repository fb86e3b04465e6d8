using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Behaviors;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Export;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Redaction;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Application;

/// <summary>What kind of failure an error is. The front doors map kinds, not exception types: one table each.</summary>
public enum ErrorKind
{
    /// <summary>The request itself is wrong (a field, a date, a rule it breaks whatever the state).</summary>
    Invalid,

    NotFound,

    /// <summary>Well formed, but the state of the case, the rules or the upload do not allow it now.</summary>
    Conflict,

    /// <summary>The acting user may not do this; the refusal is in the custody log.</summary>
    Denied,

    /// <summary>Storage, the catalog or capacity is not available now; retrying later can succeed.</summary>
    Unavailable,

    /// <summary>Stored evidence failed a check.</summary>
    Integrity,
}

/// <summary>An error's stable reason code (kebab-case, e.g. <c>case-conflict</c>) and its kind.</summary>
public sealed record ErrorCode(string Code, ErrorKind Kind);

/// <summary>Every error the use cases raise, defined once: its reason code and kind.</summary>
public static class Errors
{
    /// <summary>The error's code and kind, or null for an exception that is a bug rather than an answer.</summary>
    public static ErrorCode? Classify(Exception exception) => exception switch
    {
        RecordingNotFoundException => new("recording-not-found", ErrorKind.NotFound),
        IncidentNotFoundException => new("incident-not-found", ErrorKind.NotFound),
        UploadNotFoundException => new("upload-not-found", ErrorKind.NotFound),
        NotFoundException => new("not-found", ErrorKind.NotFound),
        RecordingDestroyedException => new("recording-destroyed", ErrorKind.NotFound),
        UploadGoneException => new("upload-gone", ErrorKind.NotFound),

        RedactedCopiesOnlyException => new("grant-redacted-only", ErrorKind.Denied),
        AccessDeniedException => new("access-denied", ErrorKind.Denied),
        AccountLockedException => new("account-locked", ErrorKind.Denied),
        SignInFailedException => new("sign-in-failed", ErrorKind.Denied),

        TextTooLongException => new("text-too-long", ErrorKind.Invalid),
        AccessRuleException => new("access-rule", ErrorKind.Invalid),
        RecorderSourceException => new("source-unreadable", ErrorKind.Invalid),
        UploadTooLargeException => new("upload-too-large", ErrorKind.Invalid),
        UnsupportedUploadTypeException => new("unsupported-upload-type", ErrorKind.Invalid),
        UploadRefusedException => new("upload-refused", ErrorKind.Invalid),
        RedactionSpecException => new("redaction-spec", ErrorKind.Invalid),
        Requests.InformationRequestInvalidException => new("information-request-invalid", ErrorKind.Invalid),
        PriorDisclosureImportException => new("prior-disclosure-import", ErrorKind.Invalid),
        FormatException => new("invalid-input", ErrorKind.Invalid),

        CaseConflictException => new("case-conflict", ErrorKind.Conflict),
        PriorDisclosureRuleException => new("prior-disclosure-rule", ErrorKind.Conflict),
        PriorDisclosureConflictException => new("prior-disclosure-conflict", ErrorKind.Conflict),
        LegalReviewRequiredException => new("legal-review-required", ErrorKind.Conflict),
        DeletionRuleException => new("deletion-rule", ErrorKind.Conflict),
        ExportRefusedException => new("export-refused", ErrorKind.Conflict),
        RetrievalRefusedException => new("retrieval-refused", ErrorKind.Conflict),
        RegenerationRefusedException => new("regeneration-refused", ErrorKind.Conflict),
        UploadOffsetConflictException => new("upload-offset-conflict", ErrorKind.Conflict),
        UploadQuotaExceededException => new("upload-quota-exceeded", ErrorKind.Conflict),
        CheckpointConflictException => new("checkpoint-conflict", ErrorKind.Conflict),
        DrawRefusedException => new("draw-refused", ErrorKind.Conflict),
        Inspections.InspectionRuleException => new("inspection-rule", ErrorKind.Conflict),
        Disclosure.PublicationRefusedException => new("publication-refused", ErrorKind.Conflict),
        Disclosure.PublicationRuleException => new("publication-rule", ErrorKind.Conflict),
        Requests.InformationRequestRuleException => new("information-request-rule", ErrorKind.Conflict),

        VaultUnavailableException => new("vault-unavailable", ErrorKind.Unavailable),
        CatalogUnavailableException => new("catalog-unavailable", ErrorKind.Unavailable),
        UploadsBusyException => new("uploads-busy", ErrorKind.Unavailable),
        UploadStoreUnavailableException => new("upload-store-unavailable", ErrorKind.Unavailable),
        UploadIngestFailedException => new("upload-ingest-failed", ErrorKind.Unavailable),
        InsufficientUploadSpaceException => new("insufficient-storage", ErrorKind.Unavailable),

        ChunkChecksumMismatchException => new("chunk-checksum-mismatch", ErrorKind.Integrity),
        VaultIntegrityException => new("vault-integrity", ErrorKind.Integrity),
        VaultObjectMissingException => new("vault-object-missing", ErrorKind.Integrity),
        _ => null,
    };
}
