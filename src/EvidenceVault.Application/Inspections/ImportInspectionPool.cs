using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Domain.PriorDisclosure;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// Imports a pool CSV (targets id,name,category,area; inspectors id,name,unit,category,area) as the new version of the target or inspector pool; tasks already
/// created keep drawing from the version they committed to. Inspectors are listed by 执法证件号码, checked here.
/// </summary>
public sealed record ImportInspectionPoolCommand(InspectionPoolKind Kind, string Csv) : ICommand<InspectionPool>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class ImportInspectionPoolHandler(IInspectionPoolStore store, CustodyEntries custody) : ICommandHandler<ImportInspectionPoolCommand, InspectionPool>
{
    public async ValueTask<InspectionPool> Handle(ImportInspectionPoolCommand command, CancellationToken cancellationToken)
    {
        if (command.Kind == InspectionPoolKind.Targets)
        {
            _ = PoolCsv.Targets(command.Csv);
        }
        else
        {
            if (!PoolCsv.HasUnit(command.Csv))
            {
                throw new FormatException($"An inspector pool names each inspector's unit (单位): its header is {PoolCsv.InspectorHeader}.");
            }

            foreach (var inspector in PoolCsv.Inspectors(command.Csv))
            {
                EnforcementCertificateNumber.Parse(inspector.CertificateNumber);
            }
        }

        var sha256 = InspectionPool.HashOf(command.Csv);
        return await store.ImportAsync(
            version => new InspectionPool(version, command.Kind, command.Csv, sha256, custody.Actor, custody.Now),
            pool => custody.Entry(pool.Subject, new InspectionPoolChangedDetails(pool.Kind.ToString(), pool.Version, pool.Sha256.Hex, pool.Members)),
            cancellationToken);
    }
}
