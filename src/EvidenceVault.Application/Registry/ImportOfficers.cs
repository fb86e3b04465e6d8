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
        var lines = command.Csv.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var officers = new List<Officer>();

        // Validate the whole file before writing anything, so a bad line never leaves half an import.
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',').Select(f => f.Trim().Trim('"')).ToArray();
            if (fields.Length < 2 || fields[1].Length == 0)
            {
                throw new FormatException($"Line {i + 1}: expected number,name[,certificate,unit] but found '{lines[i]}'.");
            }

            officers.Add(new Officer(OfficerId.Parse(fields[0]), fields[1], Optional(fields, 2), Optional(fields, 3)));
        }

        foreach (var o in officers)
        {
            var details = new { name = o.Name, certificate = o.CertificateNumber, unit = o.Unit, source = "csv" };
            await registry.SaveOfficerAsync(o, custody.Entry(CustodyActions.OfficerSaved, o.Number.Value, details), cancellationToken);
        }

        return officers.Count;
    }

    private static string? Optional(string[] fields, int index) => fields.Length > index && fields[index].Length > 0 ? fields[index] : null;
}
