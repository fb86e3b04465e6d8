using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;
using Mediator;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Opens a resumable upload of one file. The client must declare the whole file's SHA-256: it is checked before
/// the file becomes evidence. Everything that can be refused up front (size, kind, space) is refused here,
/// before a byte is sent. A case (with stage and document type) files the file to that case once it is stored.
/// </summary>
public sealed record CreateUploadCommand(long Length, string? FileName, string? Sha256, string? Device, string? Officer) : ICommand<UploadState>, IRoleRestricted
{
    public string? Case { get; init; }

    public string? Stage { get; init; }

    public string? DocumentType { get; init; }

    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class CreateUploadHandler(IUploadStore store, UploadLimits limits, UploadGate gate, ICaseStore cases, ICustodyLog custody, CustodyEntries entries) : ICommandHandler<CreateUploadCommand, UploadState>
{
    public async ValueTask<UploadState> Handle(CreateUploadCommand command, CancellationToken cancellationToken)
    {
        if (command.Length <= 0)
        {
            throw new FormatException("Upload-Length must be at least 1: an empty file holds nothing to keep.");
        }

        if (command.Length > limits.MaxBytes)
        {
            throw new UploadTooLargeException($"The file has {command.Length} bytes; uploads may have at most {limits.MaxBytes}.");
        }

        if (string.IsNullOrWhiteSpace(command.FileName))
        {
            throw new FormatException("Upload-Metadata must carry the file's name (key 'filename').");
        }

        var safeName = UploadFileName.Safe(command.FileName);
        if (ExtensionExpectation.ClaimedKind(safeName) is null)
        {
            throw new UnsupportedUploadTypeException(
                $"'{Path.GetExtension(safeName)}' is not a kind of recording or written record we take; send one of {string.Join(" ", ExtensionExpectation.KnownExtensions.Order(StringComparer.Ordinal))}.");
        }

        if (!Sha256Digest.TryParse(command.Sha256, out var declared))
        {
            throw new FormatException("Upload-Metadata must carry the whole file's SHA-256 as 64 hex characters (key 'sha256'): it is checked before the file becomes evidence.");
        }

        var (number, stage) = await FilingAsync(command, cancellationToken);
        using var creating = await gate.EnterCreationAsync(cancellationToken);
        await ReserveAsync(command.Length, cancellationToken);
        var now = entries.Now;
        var upload = new NewUpload
        {
            Id = UploadId.New(),
            Length = command.Length,
            ClientName = command.FileName,
            SafeName = safeName,
            DeclaredSha256 = declared,
            Device = command.Device is null ? null : DeviceId.Parse(command.Device),
            Officer = command.Officer is null ? null : OfficerId.Parse(command.Officer),
            Case = number,
            Stage = stage,
            DocumentType = command.DocumentType,
            Owner = entries.Actor,
            CreatedAt = now,
            ExpiresAt = now + limits.Expiry,
        };
        var state = await store.CreateAsync(upload, cancellationToken);
        var details = new UploadCreatedDetails(
            upload.ClientName, safeName, upload.Length, declared.Hex, upload.Device?.Value, upload.Officer?.Value, number?.Value, stage?.ToString(), upload.ExpiresAt);
        await custody.AppendAsync(entries.Entry(upload.Id.Value, details), cancellationToken);
        return state;
    }

    /// <summary>The case to file to, checked now so a wrong number is refused before any byte is sent.</summary>
    /// <summary>
    /// Refuses the new upload when the owner already has too many open or too many bytes owed, or when its declared
    /// length would cut into the reserve once every open upload's promised bytes are counted.
    /// </summary>
    private async Task ReserveAsync(long length, CancellationToken cancellationToken)
    {
        var open = await store.ListOpenAsync(cancellationToken);
        var mine = open.Where(o => o.Upload.Owner == entries.Actor).ToList();
        if (mine.Count >= limits.MaxOpenUploadsPerUser)
        {
            throw new UploadQuotaExceededException($"{entries.Actor} has {mine.Count} unfinished uploads, as many as one user may; finish or cancel one first.");
        }

        var owed = mine.Sum(o => o.Upload.Length - o.Offset);
        if (owed + length > limits.MaxPendingBytesPerUser)
        {
            throw new UploadQuotaExceededException($"{entries.Actor}'s unfinished uploads still owe {owed} bytes; with {length} more that is over the {limits.MaxPendingBytesPerUser} one user may have outstanding.");
        }

        store.RequireSpace(length, limits, open.Sum(o => o.Upload.Length - o.Offset));
    }

    private async Task<(CaseNumber? Number, ProcedureStage? Stage)> FilingAsync(CreateUploadCommand command, CancellationToken cancellationToken)
    {
        if (command.Case is null)
        {
            return command.Stage is null && command.DocumentType is null
                ? (null, null)
                : throw new FormatException("Upload-Metadata: 'stage' and 'documentType' need a 'case'.");
        }

        var number = CaseNumber.Parse(command.Case);
        _ = await cases.RequireAsync(number, cancellationToken);
        return (number, command.Stage is null ? ProcedureStage.Investigation : CaseTerms.ParseStage(command.Stage));
    }
}
