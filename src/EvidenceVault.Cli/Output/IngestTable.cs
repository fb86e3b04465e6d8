using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Ingestion;
using Spectre.Console;

namespace EvidenceVault.Cli.Output;

/// <summary>The readable result table of an ingest run.</summary>
internal static class IngestTable
{
    public static void Render(IAnsiConsole console, IngestReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("File", "Status", "Recording", "Kind", "Officer", "Device", "Recorded at", "Size", "Playable", "Reasons");
        var notes = new List<string>();
        foreach (var item in report.Items)
        {
            table.AddRow(
                Markup.Escape(Terminal.Text(item.Path)),
                Colour(item.Status),
                item.RecordingId?.Value ?? "-",
                item.Kind is { } k ? Wire.Kind(k) : "-",
                Markup.Escape(item.Officer?.Value ?? "-"),
                Markup.Escape(item.Device?.Value ?? "-"),
                Wire.Time(item.RecordedAt) ?? "-",
                Size(item.SizeBytes),
                item.RecordingId is null ? "-" : item.Playable switch { true => "yes", false => "no", null => "pending" },
                Markup.Escape(string.Join(", ", item.Reasons.Select(r => r.Code))));
            notes.AddRange(item.Reasons.Where(_ => item.Status != IngestStatus.Ignored).Select(r => $"{item.Path}: {r.Code}: {r.Message}"));
        }

        console.Write(table);
        foreach (var note in notes)
        {
            console.MarkupLine($"[grey]{Markup.Escape(Terminal.Text(note))}[/]");
        }

        var s = report.Summary;
        console.MarkupLine(
            $"[bold]{s.Files}[/] files: {s.Stored} stored, {s.Duplicate} duplicate, {s.AlreadyIngested} already ingested, "
            + $"{s.Quarantined} quarantined, {s.Rejected} rejected, {s.Ignored} ignored, {s.Failed} failed; "
            + $"{Size(s.BytesStored)} secured in {s.ElapsedSeconds:0.0} s; {s.MediaPending} media jobs pending.");
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / 1024.0 / 1024:0.0} MiB",
        _ => $"{bytes / 1024.0 / 1024 / 1024:0.00} GiB",
    };

    private static string Colour(IngestStatus status) => status switch
    {
        IngestStatus.Stored => "[green]stored[/]",
        IngestStatus.Quarantined => "[yellow]quarantined[/]",
        IngestStatus.Failed => "[red]failed[/]",
        IngestStatus.Rejected => "[red]rejected[/]",
        _ => StatusText.Of(status),
    };
}
