using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Gives a recording a retention category from the rules (or clears it with a null category).</summary>
public sealed record CategorizeRecordingCommand(RecordingId Recording, string? Category, string Reason) : ICommand<RecordingRetention>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

public sealed class CategorizeRecordingHandler(IRetentionStore store, RetentionFacts facts, VaultLockSync locks, CustodyEntries custody)
    : ICommandHandler<CategorizeRecordingCommand, RecordingRetention>
{
    public async ValueTask<RecordingRetention> Handle(CategorizeRecordingCommand command, CancellationToken cancellationToken)
    {
        await facts.AssessAsync(command.Recording, cancellationToken);
        var category = command.Category?.Trim();
        var term = category is null ? (TermLength?)null : facts.Rules.CategoryTerm(category);
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DeletionRuleException("Setting a retention category needs a reason (--reason).");
        }

        var details = new CategorySetDetails(category, term?.ToString(), command.Reason.Trim());
        await store.SetCategoryAsync(command.Recording, category, custody.Entry(command.Recording.Value, details), cancellationToken);
        var assessed = await facts.AssessAsync(command.Recording, cancellationToken);
        await locks.SyncAsync(assessed, cancellationToken);
        return assessed;
    }
}
