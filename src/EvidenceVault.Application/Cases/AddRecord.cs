using EvidenceVault.Application.Access;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Sources;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Ingestion;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Add one file (typically a written record: notes, notice, decision, proof of service) to a case stage:
/// it is ingested and hashed exactly like docked media, then attached with its document type. <paramref name="Source"/>,
/// when given, is ingested instead of the file (a finished upload, whose bytes are handed over).
/// </summary>
public sealed record AddRecordCommand(string FilePath, CaseNumber Number, ProcedureStage Stage, string? DocumentType, IngestOptions Options, IRecorderSource? Source = null) : ICommand<AddRecordResult>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed record AddRecordResult(IngestItem Item, RecordingLink? Link);

public sealed class AddRecordHandler(IMediator mediator) : ICommandHandler<AddRecordCommand, AddRecordResult>
{
    public async ValueTask<AddRecordResult> Handle(AddRecordCommand command, CancellationToken cancellationToken)
    {
        if (command.Source is null && !File.Exists(command.FilePath))
        {
            throw new CaseConflictException($"'{command.FilePath}' is not a file.");
        }

        var report = await mediator.Send(new IngestSourceCommand(command.FilePath, command.Options, Source: command.Source), cancellationToken);
        var item = report.Items.Single(i => !Sidecar.IsSidecarName(i.Path) || i.Status != IngestStatus.Ignored);
        if (item.RecordingId is not { } id || item.Status is IngestStatus.Failed or IngestStatus.Rejected)
        {
            return new AddRecordResult(item, null);
        }

        var reason = $"{command.DocumentType ?? "record"} added to stage {command.Stage}";
        var link = await mediator.Send(new AttachRecordingCommand(command.Number, id, command.Stage, reason, command.DocumentType), cancellationToken);
        return new AddRecordResult(item, link);
    }
}
