using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;
using Mediator;

namespace EvidenceVault.Application.Disclosure;

/// <summary>
/// Draft the publication of a case's decision: the party, category, conclusion and date come from the case and its
/// decision; the drafter adds the 文书号, agency, facts summary and legal basis, and names the personal data to mask.
/// A decision that may not go online (minor, secret, private) is refused here, and the refusal is in the ledger. Only
/// those who may work on the case draft (its officers, their head, archivists, administrators).
/// </summary>
public sealed record DraftPublicationCommand(
    CaseNumber Number,
    string DocumentNumber,
    string Agency,
    PartyKind PartyKind,
    string? PartyIdNumber,
    bool PartyIsMinor,
    Confidentiality Confidentiality,
    string Facts,
    string LegalBasis,
    IReadOnlyList<string> OtherPersons,
    IReadOnlyList<string> Addresses) : ICommand<PublicationDraft>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class DraftPublicationHandler(ICaseStore cases, IPublicationStore publications, ICustodyLog log, CustodyEntries custody)
    : ICommandHandler<DraftPublicationCommand, PublicationDraft>
{
    public async ValueTask<PublicationDraft> Handle(DraftPublicationCommand command, CancellationToken cancellationToken)
    {
        var found = await cases.RequireAsync(command.Number, cancellationToken);
        var decision = (await cases.DecisionsAsync(command.Number, cancellationToken)).SingleOrDefault()
            ?? throw new CaseConflictException($"Case {command.Number} has no decision yet; only a decision is published.");
        var party = new DisclosureParty(command.PartyKind, found.Party, command.PartyIdNumber, command.PartyIsMinor, command.OtherPersons, command.Addresses, []);
        if (PublicationEligibility.Check(party, command.Confidentiality, decision.Date) is { } refusal)
        {
            await log.AppendAsync(custody.Entry(command.Number.Value, new PublicationRefusedDetails(refusal.Code, refusal.Message)), cancellationToken);
            throw new PublicationRefusedException(refusal);
        }

        var original = new DecisionText(
            Required(command.DocumentNumber, "文书号 (document number)"),
            Required(command.Agency, "执法机关 (agency)"),
            found.Party,
            found.Type,
            Required(command.Facts, "facts summary"),
            Required(command.LegalBasis, "legal basis"),
            decision.Conclusion,
            decision.Date);
        var masking = original.MaskingFor(party);
        var draft = new PublicationDraft(0, command.Number, original, party, original.MaskedFor(party), custody.Actor, custody.Now, PublicationStatus.Draft);
        var spans = masking.Fields.Sum(f => f.Spans.Count);
        var suspects = masking.Fields.Sum(f => f.Suspects.Count);
        var id = await publications.CreateDraftAsync(
            draft,
            id => custody.Entry(command.Number.Value, new PublicationDraftedDetails(id, original.DocumentNumber, spans, suspects)),
            cancellationToken);
        return draft with { Id = id };
    }

    private static string Required(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"A publication needs its {what}.") : value.Trim();
}
