using System.CommandLine;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault ingest &lt;source-dir&gt;</c>: secure every file of a docked recorder.</summary>
internal static class IngestCommandLine
{
    public static Command Create()
    {
        var source = new Argument<string>("source-dir") { Description = "The mounted recorder (USB mass storage) or a folder of recorder files" };
        var device = new Option<string?>("--device") { Description = "Device id to use when file names carry none" };
        var officer = new Option<string?>("--officer") { Description = "Officer number to use when file names carry none" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var defer = new Option<bool>("--defer-media") { Description = "Secure the originals now; queue probe/proxy/thumbnail for `evidencevault process`" };
        var sm3 = new Option<bool>("--sm3") { Description = "Also compute SM3 (GB/T 32905)" };
        var wipe = new Option<bool>("--wipe") { Description = "Delete each source file after its stored copy is verified (off by default)" };
        var command = new Command("ingest", "Copy, hash, verify and catalog every file of a docked recorder") { source, device, officer, json, defer, sm3, wipe };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            IngestOptions options;
            try
            {
                options = new IngestOptions(
                    parse.GetValue(device) is { } d ? DeviceId.Parse(d) : null,
                    parse.GetValue(officer) is { } o ? OfficerId.Parse(o) : null,
                    parse.GetValue(defer),
                    parse.GetValue(sm3),
                    parse.GetValue(wipe));
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
                return ExitCodes.UsageOrConfiguration;
            }

            var mediator = services.GetRequiredService<IMediator>();
            var location = parse.GetValue(source)!;
            var asJson = parse.GetValue(json);
            var report = asJson || Console.IsOutputRedirected
                ? await mediator.Send(new IngestSourceCommand(location, options), ct)
                : await WithProgressAsync(mediator, location, options, ct);
            if (asJson)
            {
                Wire.Print(new { items = report.Items.Select(IngestDocuments.Item), summary = report.Summary });
            }
            else
            {
                IngestTable.Render(Terminal.Create(), report);
            }

            return report.AllSecuredOrClassified ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        }));
        return command;
    }

    private static async Task<IngestReport> WithProgressAsync(IMediator mediator, string location, IngestOptions options, CancellationToken cancellationToken)
    {
        IngestReport? report = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Securing", maxValue: 1);
            var progress = new Progress<IngestProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.BytesTotal);
                task.Value = p.BytesDone;
                task.Description = Markup.Escape(p.CurrentPath is null ? "Media work" : $"{p.FilesDone + 1}/{p.FilesTotal} {p.CurrentPath}");
            });
            report = await mediator.Send(new IngestSourceCommand(location, options, progress), cancellationToken);
        });
        return report!;
    }
}
