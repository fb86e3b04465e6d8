using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Fixity;

/// <summary>Close an open integrity incident, saying why (restored from a copy, accepted as lost...).</summary>
public sealed record ResolveIncidentCommand(long Id, string Reason) : ICommand<IntegrityIncident>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Integrity;
}

public sealed class ResolveIncidentHandler(IFixityStore store, CustodyEntries entries) : ICommandHandler<ResolveIncidentCommand, IntegrityIncident>
{
    public async ValueTask<IntegrityIncident> Handle(ResolveIncidentCommand command, CancellationToken cancellationToken)
    {
        var reason = command.Reason.Trim();
        if (reason.Length == 0)
        {
            throw new FormatException("Resolving an incident needs a reason.");
        }

        var incident = await store.FindIncidentAsync(command.Id, cancellationToken) ?? throw new IncidentNotFoundException(command.Id);
        if (incident.Status != IncidentStatus.Open)
        {
            throw new FormatException($"Incident {command.Id} was already resolved on {incident.ResolvedAt:O} by {incident.ResolvedBy}.");
        }

        var custody = entries.Entry(incident.Recording.Value, new IncidentResolvedDetails(incident.Id, incident.Kind, reason));
        await store.ResolveAsync(incident.Id, reason, custody, cancellationToken);
        return await store.FindIncidentAsync(command.Id, cancellationToken) ?? throw new IncidentNotFoundException(command.Id);
    }
}

/// <summary>No integrity incident has this id.</summary>
public sealed class IncidentNotFoundException(long id) : Exception($"No integrity incident has the id {id}.");
