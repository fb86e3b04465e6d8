using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Registry;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>Add or update an officer.</summary>
public sealed record SaveOfficerCommand(Officer Officer) : ICommand<Officer>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class SaveOfficerHandler(IRegistry registry, CustodyEntries custody) : ICommandHandler<SaveOfficerCommand, Officer>
{
    public async ValueTask<Officer> Handle(SaveOfficerCommand command, CancellationToken cancellationToken)
    {
        var o = command.Officer;
        if (string.IsNullOrWhiteSpace(o.Name))
        {
            throw new FormatException($"Officer {o.Number} needs a name.");
        }

        await registry.SaveOfficerAsync(o, custody.Entry(o.Number.Value, new OfficerSavedDetails(o.Name, o.CertificateNumber, o.Unit, null)), cancellationToken);
        return o;
    }
}
