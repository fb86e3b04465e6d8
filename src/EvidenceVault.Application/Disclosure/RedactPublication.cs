using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Disclosure;

/// <summary>Free-text redaction on top of the rules: the phrases replace the draft's earlier ones, and the masked text is made again.</summary>
public sealed record RedactPublicationCommand(long Id, IReadOnlyList<string> Redactions) : ICommand<PublicationDraft>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class RedactPublicationHandler(IPublicationStore publications, CustodyEntries custody) : ICommandHandler<RedactPublicationCommand, PublicationDraft>
{
    public async ValueTask<PublicationDraft> Handle(RedactPublicationCommand command, CancellationToken cancellationToken)
    {
        var draft = await publications.RequireDraftAsync(command.Id, cancellationToken);
        var phrases = command.Redactions.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var party = draft.Party with { Redactions = phrases };
        var masked = draft.Original.MaskedFor(party);
        await publications.ReviseAsync(draft.Id, party, masked, custody.Entry(draft.Case.Value, new PublicationRedactedDetails(draft.Id, phrases)), cancellationToken);
        return draft with { Party = party, Masked = masked };
    }
}
