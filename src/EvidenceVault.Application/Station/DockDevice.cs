using System.Diagnostics;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Registry;
using EvidenceVault.Application.Sources;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Registry;
using Mediator;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Application.Station;

/// <summary>
/// One bay's work on one docked device: identify it (refusing what is not a registered recorder), read its clock,
/// then the ingest of today — copy, verify, catalog, and (by the model's policy) wipe only what was verified. A re-plug
/// runs it again: files already secured are found by digest and attribution and kept once.
/// </summary>
public sealed record DockDeviceCommand(DockedDevice Device, int Bay) : ICommand<BayStatus>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class DockDeviceHandler(
    IRecorderSourceFactory sources,
    DockIdentity identity,
    IRegistry registry,
    IMediator mediator,
    BayBoard board,
    ICustodyLog custody,
    CustodyEntries entries,
    StationTimeZone zone,
    IOptions<StationOptions> options,
    TimeProvider time) : ICommandHandler<DockDeviceCommand, BayStatus>
{
    public async ValueTask<BayStatus> Handle(DockDeviceCommand command, CancellationToken cancellationToken)
    {
        var (docked, bay, settings) = (command.Device, command.Bay, options.Value);
        var dockedAt = time.GetUtcNow();
        board.Update(bay, _ => new BayStatus { Bay = bay, Phase = BayPhase.Identifying, DeviceKey = docked.Key, Plugged = true, Location = docked.Location, Kind = docked.Kind, DockedAt = dockedAt });

        // The look before the ingest is closed before the ingest opens the device again (an MTP device has one session).
        var source = sources.Open(docked.Location);
        List<SourceEntry> listed = [];
        Identification found;
        ClockReading clock;
        using (source as IDisposable)
        {
            await foreach (var entry in source.EnumerateAsync(cancellationToken))
            {
                listed.Add(entry);
            }

            found = await identity.IdentifyAsync(docked, listed, settings.RefuseUnregistered, cancellationToken);
            clock = found.Refusal is null
                ? await ClockReading.ReadAsync(source, listed, docked.Kind, settings.ClockFile, zone.Zone, dockedAt, cancellationToken)
                : new ClockReading(null, "not read: the device was refused");
        }

        if (found.Refusal is { } refusal)
        {
            var subject = docked.Serial ?? docked.Location;
            await custody.AppendAsync(entries.Entry(subject, new StationRefusedDetails(bay, docked.Location, Kind(docked), refusal.Code, refusal.Message)), cancellationToken);
            return board.Update(bay, b => b with { Phase = BayPhase.Refused, Device = docked.Serial, ReasonCode = refusal.Code, Message = refusal.Message, FinishedAt = time.GetUtcNow() });
        }

        var device = found.Device;
        var wipe = docked.Kind != DockKind.WatchedFolder && settings.WipesModel(device?.Model);
        var officer = device is null ? null : await OfficerAtAsync(device, dockedAt, cancellationToken);
        await custody.AppendAsync(entries.Entry(device?.Id.Value ?? docked.Location, new StationDockedDetails(
            bay, docked.Location, Kind(docked), found.Basis, docked.Serial, clock.OffsetSeconds, clock.Source, wipe)), cancellationToken);
        board.Update(bay, b => b with
        {
            Phase = BayPhase.Copying,
            Device = device?.Id.Value,
            Model = device?.Model,
            Officer = officer,
            WipeAfterVerify = wipe,
            ClockOffsetSeconds = clock.OffsetSeconds,
            ClockSource = clock.Source,
        });

        // Only a serial is proof of which device this is; names are read (and weighed) by the ingest itself.
        var ingest = new IngestOptions(Device: found.Basis == Identification.BySerial ? device!.Id : null, DeferMedia: true, ComputeSm3: settings.Sm3, WipeAfterVerify: wipe)
        {
            StationFiles = settings.ClockFile is { } clockFile ? [clockFile] : [],
        };
        var report = await mediator.Send(new IngestSourceCommand(docked.Location, ingest, new BayProgress(board, bay, Stopwatch.GetTimestamp())), cancellationToken);
        var failed = report.Items.FirstOrDefault(i => i.Status == IngestStatus.Failed);
        var removed = failed is not null && IsGone(docked.Location);
        var reason = failed?.Reasons is [var first, ..] ? first : null;
        var (code, message) = failed is null ? NotWiped(report.Items)
            : removed ? (ReasonCodes.DeviceRemoved, $"The device was removed during the copy: {report.Summary.Stored + report.Summary.Quarantined} files were secured; dock it again to collect the other {report.Summary.Failed}.")
            : (reason?.Code, $"{report.Summary.Failed} of {report.Summary.Files} files could not be secured (first: {failed.Path}: {reason?.Message}); they stay on the device.");
        return board.Update(bay, b => b with
        {
            Phase = failed is null ? BayPhase.Done : BayPhase.Failed,
            ReasonCode = code,
            Message = message,
            Summary = report.Summary,
            FinishedAt = time.GetUtcNow(),
        });
    }

    /// <summary>
    /// Everything was secured but some copies stayed on the device (it went read-only, say): the bay is done, and says so,
    /// because an officer reads "done" as "the recorder is empty again".
    /// </summary>
    private static (string? Code, string? Message) NotWiped(IReadOnlyList<IngestItem> items)
    {
        var notWiped = items.Where(i => i.Reasons.Any(r => r.Code == ReasonCodes.WipeFailed)).ToList();
        return notWiped is [var first, ..]
            ? (ReasonCodes.WipeFailed, $"All files were secured, but {notWiped.Count} could not be wiped from the device (first: {first.Path}: {first.Reasons.First(r => r.Code == ReasonCodes.WipeFailed).Message}); the next docking finds them already secured and wipes them then.")
            : (null, null);
    }

    /// <summary>Files fail all at once when a recorder is pulled out; if it can no longer be opened, that is what happened.</summary>
    private bool IsGone(string location)
    {
        try
        {
            using (sources.Open(location) as IDisposable)
            {
                return false;
            }
        }
        catch (RecorderSourceException)
        {
            return true;
        }
    }

    private async Task<string?> OfficerAtAsync(Device device, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await registry.BindingsAsync(device.Id, cancellationToken))
            .Where(b => b.From <= at && (b.To is null || b.To > at))
            .OrderByDescending(b => b.From)
            .FirstOrDefault()?.Officer.Value;

    private static string Kind(DockedDevice docked) => docked.Kind switch
    {
        DockKind.MassStorage => "usb-storage",
        DockKind.Mtp => "mtp",
        _ => "watched-folder",
    };

    /// <summary>Reports the ingest's progress on the bay as it happens (not posted to a thread pool, so never out of order).</summary>
    private sealed class BayProgress(BayBoard board, int bay, long started) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            board.Update(bay, b => b with
            {
                Phase = value.CurrentPath is null ? BayPhase.Verifying : BayPhase.Copying,
                FilesDone = value.FilesDone,
                FilesTotal = value.FilesTotal,
                BytesDone = value.BytesDone,
                BytesTotal = value.BytesTotal,
                MegabytesPerSecond = seconds > 0.05 ? Math.Round(value.BytesDone / seconds / 1e6, 1) : null,
            });
        }
    }
}
