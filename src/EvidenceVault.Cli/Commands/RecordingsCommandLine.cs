using System.CommandLine;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault recordings list|show|get</c>.</summary>
internal static class RecordingsCommandLine
{
    public static Command Create()
    {
        var command = new Command("recordings", "List, show and retrieve recordings");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Get());
        command.Subcommands.Add(Unfiled());
        foreach (var retention in RecordingRetentionCommands.Create())
        {
            command.Subcommands.Add(retention);
        }
        return command;
    }

    private static Command Unfiled()
    {
        var officer = new Option<string?>("--officer") { Description = "Only this officer's unfiled recordings" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("unfiled", "Recordings not linked to any case (suggestions do not count)") { officer, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var query = new Application.Cases.ListUnfiledQuery(parse.GetValue(officer) is { } o ? OfficerId.Parse(o) : null);
            var recordings = await services.GetRequiredService<IMediator>().Send(query, ct);
            if (parse.GetValue(json))
            {
                Wire.Print(new RecordingList([.. recordings.Select(Wire.Recording)]));
            }
            else
            {
                foreach (var r in recordings)
                {
                    Console.WriteLine(Terminal.Text($"{r.Id}  {Wire.Kind(r.Kind),-5}  {r.Officer?.Value ?? "-",-8}  {Wire.Time(r.RecordedAt) ?? "-"}  {r.SourcePath}"));
                }

                Console.WriteLine($"{recordings.Count} unfiled recordings.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var officer = new Option<string?>("--officer") { Description = "Only this officer's recordings" };
        var device = new Option<string?>("--device") { Description = "Only this device's recordings" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Recorded at or after (ISO-8601)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Recorded before (ISO-8601)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("list", "List recordings, newest first") { officer, device, from, to, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var filter = new RecordingFilter(
                parse.GetValue(officer) is { } o ? OfficerId.Parse(o) : null,
                parse.GetValue(device) is { } d ? DeviceId.Parse(d) : null,
                parse.GetValue(from),
                parse.GetValue(to));
            var recordings = await services.GetRequiredService<IMediator>().Send(new ListRecordingsQuery(filter), ct);
            if (parse.GetValue(json))
            {
                Wire.Print(new RecordingList([.. recordings.Select(Wire.Recording)]));
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Recording", "Kind", "Status", "Integrity", "Officer", "Device", "Recorded at", "Duration", "Size", "Source");
            foreach (var r in recordings)
            {
                table.AddRow(r.Id.Value, Wire.Kind(r.Kind), Markup.Escape(Domain.Ingestion.StatusText.Of(r.Status)),
                    r.Integrity == IntegrityMark.Failed ? "[red]failed[/]" : "ok", Markup.Escape(r.Officer?.Value ?? "-"),
                    Markup.Escape(r.Device?.Value ?? "-"), Wire.Time(r.RecordedAt) ?? "-", r.DurationSeconds is { } s ? $"{s:0.0} s" : "-",
                    IngestTable.Size(r.SizeBytes), Markup.Escape(Terminal.Text(r.SourcePath)));
            }

            var console = Terminal.Create();
            console.Write(table);
            console.WriteLine($"{recordings.Count} recordings.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "Recording id" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var grant = RetrievalCommandLine.GrantOption();
        var command = new Command("show", "Show one recording's catalog entry") { id, json, grant };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => WithRecordingAsync(parse.GetValue(id)!, async recordingId =>
        {
            var recording = await services.GetRequiredService<IMediator>().Send(new ShowRecordingQuery(recordingId, RetrievalCommandLine.GrantOf(parse, grant)), ct);
            Wire.Print(Wire.Recording(recording));
            return ExitCodes.Ok;
        })));
        return command;
    }

    private static Command Get()
    {
        var id = new Argument<string>("id") { Description = "Recording id" };
        var proxy = new Option<bool>("--proxy") { Description = "The browser-playable proxy instead of the original" };
        var thumbnail = new Option<bool>("--thumbnail") { Description = "The thumbnail instead of the original" };
        var sprite = new Option<bool>("--sprite") { Description = "The preview sprite (JPEG tile sheet) instead of the original" };
        var cues = new Option<bool>("--sprite-cues") { Description = "The preview sprite's WebVTT cues instead of the original" };
        var redaction = new Option<string?>("--redaction") { Description = "A redacted copy (RD-<n>, see `media redact`) instead of the original" };
        var output = new Option<string>("--output", "-o") { Description = "File to write (must not exist)", Required = true };
        var grant = RetrievalCommandLine.GrantOption();
        var command = new Command("get", "Write a recording to a file; the original is re-hashed on the way out") { id, proxy, thumbnail, sprite, cues, redaction, output, grant };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => WithRecordingAsync(parse.GetValue(id)!, async recordingId =>
        {
            var target = parse.GetValue(proxy) ? RetrievalTarget.Proxy
                : parse.GetValue(thumbnail) ? RetrievalTarget.Thumbnail
                : parse.GetValue(sprite) ? RetrievalTarget.Sprite
                : parse.GetValue(cues) ? RetrievalTarget.SpriteCues
                : RetrievalTarget.Original;
            var path = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"evidencevault: '{path}' already exists; choose a new file.");
                return ExitCodes.UsageOrConfiguration;
            }

            try
            {
                var mediator = services.GetRequiredService<IMediator>();
                var result = parse.GetValue(redaction) is { } copy
                    ? await mediator.Send(new RetrieveRedactionCommand(recordingId, RedactionId.Parse(copy), path, RetrievalCommandLine.GrantOf(parse, grant)), ct)
                    : await mediator.Send(new RetrieveRecordingCommand(recordingId, target, path, RetrievalCommandLine.GrantOf(parse, grant)), ct);
                Console.WriteLine($"{result.OutputPath}  {result.Length} bytes  sha256 {result.Sha256}");
                return ExitCodes.Ok;
            }
            catch (RetrievalRefusedException ex)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
                return ex.IsIntegrityFailure ? ExitCodes.IntegrityFailure : ExitCodes.NotFound;
            }
        })));
        return command;
    }

    private static async Task<int> WithRecordingAsync(string id, Func<RecordingId, Task<int>> body)
    {
        if (!RecordingId.TryParse(id, out var recordingId))
        {
            await Console.Error.WriteLineAsync($"evidencevault: '{id}' is not a recording id ({RecordingId.Length} hex characters).");
            return ExitCodes.UsageOrConfiguration;
        }

        try
        {
            return await body(recordingId);
        }
        catch (RecordingNotFoundException ex)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
            return ExitCodes.NotFound;
        }
    }
}
