using System.Diagnostics;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Application.Sources;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Ingestion;
using Mediator;

namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// Ingest every file of a docked recorder (or folder): secure first, media work and linking after (inline, or deferred
/// to the workers). Linking has one path: the link job each new recording's catalog write queues (after its media work).
/// <paramref name="Source"/>, when given, is ingested instead of opening <paramref name="Location"/> (a finished upload
/// hands its bytes over this way).
/// </summary>
public sealed record IngestSourceCommand(string Location, IngestOptions Options, IProgress<IngestProgress>? Progress = null, IRecorderSource? Source = null) : ICommand<IngestReport>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class IngestSourceHandler(
    IRecorderSourceFactory sources,
    FileIngestor ingestor,
    JobRunner jobs,
    IJobQueue queue,
    EvidenceVaultMetrics metrics,
    ICatalog catalog,
    ICustodyLog custody,
    StagingArea staging,
    CustodyEntries custodyEntries) : ICommandHandler<IngestSourceCommand, IngestReport>
{
    public async ValueTask<IngestReport> Handle(IngestSourceCommand command, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        staging.RemoveLeftovers();
        var source = command.Source ?? sources.Open(command.Location);

        // An MTP recorder stays claimed until its source is disposed; a source the caller handed in stays the caller's.
        using var opened = command.Source is null ? source as IDisposable : null;
        var entries = new List<SourceEntry>();
        await foreach (var entry in source.EnumerateAsync(cancellationToken))
        {
            entries.Add(entry);
        }

        var sidecars = new SidecarLookup(source, entries);
        var pending = new List<Task<IngestItem>>(entries.Count);
        var (bytesTotal, bytesDone) = (entries.Sum(e => e.Length), 0L);
        foreach (var entry in entries)
        {
            command.Progress?.Report(new IngestProgress(pending.Count, entries.Count, bytesDone, bytesTotal, entry.RelativePath));

            // One sequential reader per device; the previous file's commit (vault fsync, catalog) overlaps this copy.
            var staged = await StageOneAsync(source, entry, sidecars, command.Options, cancellationToken);
            if (pending.Count > 0)
            {
                await pending[^1];
            }

            // On the pool: the commit's first steps (content checks, vault publish) are synchronous and would delay the next copy.
            pending.Add(Task.Run(() => ingestor.CommitAsync(source, staged, sidecars, command.Options, cancellationToken), cancellationToken));
            bytesDone += entry.Length;
        }

        var items = (await Task.WhenAll(pending)).ToList();
        command.Progress?.Report(new IngestProgress(items.Count, entries.Count, bytesDone, bytesTotal, null));
        var secured = items.Where(i => i.Status is IngestStatus.Stored or IngestStatus.Quarantined).ToList();
        metrics.FilesIngested(secured.Count, secured.Sum(i => i.SizeBytes));
        if (!command.Options.DeferMedia)
        {
            await jobs.DrainAsync(WorkerIdentity.ForThisProcess("ingest"), JobRunner.RecordingWork, cancellationToken);
            items = await RefreshAsync(items, cancellationToken);
        }

        var summary = IngestSummary.From(items, await queue.CountOpenAsync(JobKind.Media, cancellationToken), Stopwatch.GetElapsedTime(started));
        await custody.AppendAsync(custodyEntries.Entry(source.Location, new IngestRunDetails(source.Location, summary)), cancellationToken);
        return new IngestReport(items, summary);
    }

    private async Task<StagedSource> StageOneAsync(IRecorderSource source, SourceEntry entry, SidecarLookup sidecars, IngestOptions options, CancellationToken cancellationToken)
    {
        var path = entry.RelativePath;
        if (SystemClutter.IsClutter(path))
        {
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Ignored, entry.Length, new Reason(ReasonCodes.SystemClutter, "Operating-system clutter, not evidence.")));
        }

        if (entry.Type == SourceEntryType.File && options.StationFiles.Contains(path, StringComparer.OrdinalIgnoreCase))
        {
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Ignored, entry.Length, new Reason(ReasonCodes.StationFile, "Read by the docking station (the recorder's clock), not evidence; left on the device.")));
        }

        if (entry.Type == SourceEntryType.SymbolicLink)
        {
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Ignored, 0, new Reason(ReasonCodes.SymlinkNotFollowed, "A symbolic link is never followed: it could point outside the recorder.")));
        }

        if (entry.Type == SourceEntryType.File && sidecars.IsSidecarOfListedFile(path))
        {
            var target = path[..^Sidecar.Extension.Length];
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Ignored, entry.Length, new Reason(ReasonCodes.Sidecar, $"The device's declared hash for {target}; compared when that file was ingested.")));
        }

        return await ingestor.StageAsync(source, entry, options, cancellationToken);
    }

    private async Task<List<IngestItem>> RefreshAsync(List<IngestItem> items, CancellationToken cancellationToken)
    {
        var refreshed = new List<IngestItem>(items.Count);
        foreach (var item in items)
        {
            var recording = item.RecordingId is { } id && item.Status != IngestStatus.Failed ? await catalog.FindAsync(id, cancellationToken) : null;
            if (recording is null)
            {
                refreshed.Add(item);
                continue;
            }

            var becameQuarantined = item.Status == IngestStatus.Stored && recording.Status == IngestStatus.Quarantined;
            refreshed.Add(item with
            {
                Status = becameQuarantined ? IngestStatus.Quarantined : item.Status,
                Kind = recording.Kind,
                RecordedAt = recording.RecordedAt,
                DurationSeconds = recording.DurationSeconds,
                Playable = PlayableState.Of(recording),
                Reasons = item.Status is IngestStatus.Stored or IngestStatus.Quarantined ? recording.Reasons : item.Reasons,
            });
        }

        return refreshed;
    }
}
