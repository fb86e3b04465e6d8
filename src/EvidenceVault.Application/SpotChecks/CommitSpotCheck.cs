using System.Globalization;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using Mediator;

namespace EvidenceVault.Application.SpotChecks;

/// <summary>How a spot check's recordings are stratified, always together with the month they were recorded in.</summary>
public enum SpotCheckStrata
{
    Officer,
    Unit,
}

/// <summary>
/// Commit to a spot check (执法记录抽查) of the recordings made between two days (both included, station zone): every
/// catalogued recording is a candidate, stratified by officer or unit and month (<c>010203 2026-11</c>), and the same
/// number is drawn from each stratum once the named public seed is revealed; the reveal issues the grant.
/// </summary>
public sealed record CommitSpotCheckCommand(
    string Title,
    DateOnly From,
    DateOnly Until,
    SpotCheckStrata By,
    int PerStratum,
    SeedSource SeedSource,
    DateTimeOffset SeedDueAt) : ICommand<Draw>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class CommitSpotCheckHandler(IDrawStore store, ICatalog catalog, IRegistry registry, CustodyEntries custody, SpotCheckLimits limits, StationTimeZone zone)
    : ICommandHandler<CommitSpotCheckCommand, Draw>
{
    public async ValueTask<Draw> Handle(CommitSpotCheckCommand command, CancellationToken cancellationToken)
    {
        var period = RetrievalPeriod.OfDays(command.From, command.Until, zone.Zone);
        var recordings = await catalog.ListAsync(new RecordingFilter(From: period.From, To: period.Until, Limit: limits.MaxRecordings + 1), cancellationToken);
        if (recordings.Count > limits.MaxRecordings)
        {
            throw new FormatException($"More than {limits.MaxRecordings} recordings were made in that period; draw from shorter periods (SpotChecks:MaxRecordings).");
        }

        var units = (await registry.OfficersAsync(cancellationToken)).ToDictionary(o => o.Number, o => o.Unit);
        var candidates = recordings.Where(r => r.DestroyedAt is null).Select(r => new DrawCandidate(
            r.Id.Value,
            $"{(command.By == SpotCheckStrata.Officer ? r.Officer?.Value ?? "unattributed" : (r.Officer is { } o ? units.GetValueOrDefault(o) : null) ?? "no unit")} {Month(r.RecordedAt ?? r.IngestedAt)}")).ToList();
        if (candidates.Count == 0)
        {
            throw new FormatException($"No catalogued recording was made from {command.From:yyyy-MM-dd} to {command.Until:yyyy-MM-dd}; a spot check needs recordings to draw from.");
        }

        return await store.CommitAsync(
            DrawKind.SpotCheck,
            command.Title,
            CandidateList.Of(candidates),
            command.SeedSource,
            DrawQuota.Of(command.PerStratum),
            command.SeedDueAt,
            custody,
            cancellationToken);
    }

    private string Month(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone.Zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
