using System.CommandLine;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault media proxy &lt;in&gt; &lt;out&gt;</c>: make one proxy and print the command line (for benchmarks and support).</summary>
internal static class MediaCommandLine
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A media file" };
        var output = new Argument<string>("output") { Description = "The proxy MP4 to write (must not exist)" };
        var commandFile = new Option<string?>("--command-file") { Description = "Also write the ffmpeg command line there, NUL-separated (for scripts)" };
        var proxy = new Command("proxy", "Make a browser proxy of one file and print the exact ffmpeg command used") { input, output, commandFile };
        proxy.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var run = await services.GetRequiredService<ProxyDiagnostics>()
                .RunAsync(Path.GetFullPath(parse.GetValue(input)!), Path.GetFullPath(parse.GetValue(output)!), ct);
            if (parse.GetValue(commandFile) is { } file)
            {
                await File.WriteAllTextAsync(file, string.Join('\0', run.Command), ct);
            }

            Wire.Print(new { method = Wire.Kind(run.Method), command = run.Command, seconds = run.Seconds });
            return ExitCodes.Ok;
        }));
        return new Command("media", "Media diagnostics, derivatives made again, and redacted copies") { proxy, Regenerate(), Redact() };
    }

    /// <summary><c>evidencevault media regenerate &lt;id&gt;</c>: make a changed, missing or unrecorded proxy or thumbnail again from the verified original.</summary>
    private static Command Regenerate()
    {
        var id = new Argument<string>("id") { Description = "Recording id" };
        var reason = new Option<string>("--reason") { Description = "Why (goes into the custody entry)", DefaultValueFactory = _ => "derivative found changed, missing or unrecorded" };
        var all = new Option<bool>("--all") { Description = "Make every derivative again, even those that verify" };
        var command = new Command("regenerate", "Make a recording's changed, missing or unrecorded derivatives again from its verified original") { id, reason, all };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            if (!RecordingId.TryParse(parse.GetValue(id)!, out var recordingId))
            {
                await Console.Error.WriteLineAsync($"evidencevault: '{parse.GetValue(id)}' is not a recording id ({RecordingId.Length} hex characters).");
                return ExitCodes.UsageOrConfiguration;
            }

            try
            {
                var result = await services.GetRequiredService<IMediator>().Send(new RegenerateDerivativesCommand(recordingId, parse.GetValue(reason)!, parse.GetValue(all)), ct);
                Wire.Print(new
                {
                    recordingId = result.Id.Value,
                    regenerated = result.Regenerated.Select(r => new
                    {
                        derivative = r.Kind.Name(),
                        found = Wire.Kind(r.Found),
                        previous = r.Previous,
                        actual = r.Actual,
                        sha256 = r.Digest.Sha256.Hex,
                        length = r.Digest.Length,
                        incidentsResolved = r.IncidentsResolved,
                    }),
                    intact = result.Intact.Select(i => i.Target),
                });
                return ExitCodes.Ok;
            }
            catch (RegenerationRefusedException ex)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
                return ExitCodes.IntegrityFailure;
            }
        }));
        return command;
    }

    /// <summary><c>evidencevault media redact &lt;id&gt; --spec spec.json</c>: make a redacted copy from a JSON spec; the original is only read.</summary>
    private static Command Redact()
    {
        var id = new Argument<string>("id") { Description = "Recording id" };
        var spec = new Option<string>("--spec") { Description = "The redaction spec (JSON, version 1: regions, mutes, frameBlurs; see the README)", Required = true };
        var grant = RetrievalCommandLine.GrantOption();
        var command = new Command("redact", "Make a redacted copy of a recording (boxes blacked out or blurred, sound muted) from a JSON spec") { id, spec, grant };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            if (!RecordingId.TryParse(parse.GetValue(id)!, out var recordingId))
            {
                await Console.Error.WriteLineAsync($"evidencevault: '{parse.GetValue(id)}' is not a recording id ({RecordingId.Length} hex characters).");
                return ExitCodes.UsageOrConfiguration;
            }

            var file = Path.GetFullPath(parse.GetValue(spec)!);
            if (!File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"evidencevault: the spec file '{file}' does not exist.");
                return ExitCodes.UsageOrConfiguration;
            }

            try
            {
                var made = await services.GetRequiredService<IMediator>().Send(new RedactRecordingCommand(recordingId, await File.ReadAllTextAsync(file, ct), RetrievalCommandLine.GrantOf(parse, grant)), ct);
                Wire.Print(RedactionDocuments.Redaction(made));
                return ExitCodes.Ok;
            }
            catch (RetrievalRefusedException ex)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
                return ExitCodes.IntegrityFailure;
            }
        }));
        return command;
    }
}
