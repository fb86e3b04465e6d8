using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Disclosure;

/// <summary>
/// Mark the publications whose display period is over as ended, one ledger entry each. The site stops showing them
/// at the end of the period whether or not this has run (its read filters by time); this puts the end on record.
/// </summary>
public sealed record EndDisplayPeriodsCommand : ICommand<int>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class EndDisplayPeriodsHandler(IPublicationStore publications, CustodyEntries custody) : ICommandHandler<EndDisplayPeriodsCommand, int>
{
    public async ValueTask<int> Handle(EndDisplayPeriodsCommand command, CancellationToken cancellationToken)
    {
        var due = await publications.DisplayEndedAsync(custody.Now, cancellationToken);
        foreach (var publication in due)
        {
            await publications.EndAsync(publication.Id, custody.Entry(publication.Case.Value, new PublicationEndedDetails(publication.Id, publication.DisplayUntil!.Value)), cancellationToken);
        }

        return due.Count;
    }
}
