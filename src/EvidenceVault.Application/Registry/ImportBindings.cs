using System.Globalization;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>
/// Import recorder assignments from CSV: a header line, then <c>device,officer,from[,to]</c> per line, instants in
/// ISO-8601 with their offset; every officer must be in the registry. All or nothing.
/// </summary>
public sealed record ImportBindingsCommand(string Csv) : ICommand<int>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Administrator];
}

public sealed class ImportBindingsHandler(IRegistry registry, CustodyEntries custody) : ICommandHandler<ImportBindingsCommand, int>
{
    public async ValueTask<int> Handle(ImportBindingsCommand command, CancellationToken cancellationToken)
    {
        var officers = (await registry.OfficersAsync(cancellationToken)).Select(o => o.Number).ToHashSet();
        var bindings = CsvRows.Read(command.Csv, "device,officer,from[,to]", 3, f =>
        {
            var officer = OfficerId.Parse(f[1]);
            var from = Instant(f[2]);
            var to = CsvRows.Optional(f, 3) is { } end ? Instant(end) : (DateTimeOffset?)null;
            return !officers.Contains(officer) ? throw new FormatException($"officer {officer} is not in the registry")
                : to <= from ? throw new FormatException("the assignment ends before it starts")
                : new DeviceBinding(DeviceId.Parse(f[0]), officer, from, to);
        });

        // Oldest first, so each assignment closes the one before it as `devices bind` would.
        foreach (var b in bindings.OrderBy(b => b.From))
        {
            await registry.BindAsync(b, change => custody.DeviceBound(change, "csv"), cancellationToken);
        }

        return bindings.Count;
    }

    // The offset is required: a bare local time would be read in the station's zone, which is a guess.
    private static DateTimeOffset Instant(string text) =>
        (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw new FormatException($"'{text}' is not an ISO-8601 instant with offset, e.g. 2025-03-01T08:00:00+08:00");
}
