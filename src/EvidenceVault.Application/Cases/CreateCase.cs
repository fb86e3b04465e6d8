using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Open a new enforcement case.</summary>
public sealed record CreateCaseCommand(CaseNumber Number, EnforcementType Type, string Party, string? Title, IReadOnlyList<OfficerId> Officers)
    : ICommand<EnforcementCase>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class CreateCaseHandler(ICaseStore cases, CustodyEntries custody) : ICommandHandler<CreateCaseCommand, EnforcementCase>
{
    public async ValueTask<EnforcementCase> Handle(CreateCaseCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Party))
        {
            throw new FormatException("A case needs a party (当事人).");
        }

        var created = new EnforcementCase(command.Number, command.Type, command.Party.Trim(), command.Title, command.Officers, CaseStatus.Open, custody.Now, null);
        var details = new CaseCreatedDetails(command.Type.ToString(), created.Party, [.. command.Officers.Select(o => o.Value)]);
        await cases.CreateAsync(created, custody.Entry(command.Number.Value, details), cancellationToken);
        return created;
    }
}
