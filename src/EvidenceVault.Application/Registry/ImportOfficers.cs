using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>Import officers from CSV: a header line, then <c>number,name,certificate,unit</c> per line.</summary>
public sealed record ImportOfficersCommand(string Csv) : ICommand<int>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class ImportOfficersHandler(IRegistry registry, CustodyEntries custody) : ICommandHandler<ImportOfficersCommand, int>
{
    public async ValueTask<int> Handle(ImportOfficersCommand command, CancellationToken cancellationToken)
    {
        var officers = CsvRows.Read(
            command.Csv,
            "number,name[,certificate,unit]",
            2,
            f => new Officer(OfficerId.Parse(f[0]), f[1], CsvRows.Optional(f, 2), CsvRows.Optional(f, 3)));
        foreach (var o in officers)
        {
            await registry.SaveOfficerAsync(o, custody.Entry(o.Number.Value, new OfficerSavedDetails(o.Name, o.CertificateNumber, o.Unit, "csv")), cancellationToken);
        }

        return officers.Count;
    }
}
