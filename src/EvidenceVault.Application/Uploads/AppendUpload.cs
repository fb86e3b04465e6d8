using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Uploads;
using Mediator;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Appends one chunk at the offset the client believes in. When the last byte arrives the file is verified
/// against the declared SHA-256 and ingested before this returns, so "done" is only ever said about a file that
/// is stored and verified in the vault. A chunk of 0 bytes at the end repeats a completion an outage interrupted.
/// </summary>
public sealed record AppendUploadCommand(UploadId Id, long Offset, Stream Chunk, long? ChunkLength, byte[]? ChunkSha256) : ICommand<UploadState>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class AppendUploadHandler(IUploadStore store, UploadGate gate, UploadLimits limits, UploadCompletion completion, ReceivedDigests digests, CustodyEntries entries)
    : ICommandHandler<AppendUploadCommand, UploadState>
{
    public async ValueTask<UploadState> Handle(AppendUploadCommand command, CancellationToken cancellationToken)
    {
        using var transfer = gate.EnterTransfer();
        using var exclusive = await gate.LockAsync(command.Id, cancellationToken);
        var state = await store.RequireAsync(command.Id, entries.Actor, entries.Now, cancellationToken);
        if (command.Offset != state.Offset)
        {
            throw new UploadOffsetConflictException($"Upload {command.Id} stands at offset {state.Offset}, not {command.Offset}: ask with HEAD and continue from there.");
        }

        var remaining = state.Upload.Length - state.Offset;
        if (command.ChunkLength > remaining)
        {
            throw new UploadTooLargeException($"The chunk has {command.ChunkLength} bytes but only {remaining} of the declared {state.Upload.Length} are missing.");
        }

        if (state.Outcome is not null)
        {
            return state;
        }

        if (remaining > 0)
        {
            store.RequireSpace(remaining, limits);
            AppendResult appended;
            try
            {
                appended = await store.AppendAsync(command.Id, command.Offset, digests.Track(command.Id, command.Offset, command.Chunk), command.ChunkSha256, cancellationToken);
            }
            catch
            {
                digests.Forget(command.Id);
                throw;
            }

            digests.Settle(command.Id, appended.Offset);
            state = state with { Offset = appended.Offset };
            if (appended.Interrupted)
            {
                return state;
            }
        }

        // The client may hang up while the file is secured; the completion still runs to its end so HEAD can report it.
        return state.IsComplete ? await completion.FinishAsync(state, CancellationToken.None) : state;
    }
}
