using System.CommandLine;
using System.Text;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.PriorDisclosure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault prior-disclosure show|export|import|publish</c>: the 事前公开 data, for administrators.</summary>
internal static class PriorDisclosureCommandLine
{
    public static Command Create()
    {
        var show = new Command("show", "Every version of the 事前公开 data, newest first: who changed what, when, and whether it is published") { CasesCommandLine.JsonOption };
        show.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var versions = await services.GetRequiredService<IMediator>().Send(new ShowPriorDisclosureQuery(), ct);
            CasesCommandLine.Print(
                parse,
                new { versions = versions.Select(VersionJson) },
                versions.Count == 0 ? "No 事前公开 data yet; `prior-disclosure import <file>` makes the first version." : string.Join(Environment.NewLine, versions.Select(VersionText)));
            return ExitCodes.Ok;
        }));

        var output = new Option<string?>("--output", "-o") { Description = "Write the document to this file instead of standard output" };
        var export = new Command("export", "Write the current draft (the newest version) as one JSON document to edit and import") { output };
        export.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var versions = await services.GetRequiredService<IMediator>().Send(new ShowPriorDisclosureQuery(), ct);
            var document = PriorDisclosureDocument.Write(versions.Count > 0 ? versions[0].Data : PriorDisclosureSet.Empty);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, document + Environment.NewLine, new UTF8Encoding(false), ct);
            }
            else
            {
                await Console.Out.WriteLineAsync(document);
            }

            return ExitCodes.Ok;
        }));

        var file = new Argument<string>("file") { Description = "A JSON document as `prior-disclosure export` writes it" };
        var import = new Command("import", "Check every item of a JSON document and store it as a new version (all or nothing)") { file, CasesCommandLine.JsonOption };
        import.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var data = PriorDisclosureDocument.Read(await File.ReadAllTextAsync(parse.GetValue(file)!, ct));
            return await CasesCommandLine.SendAsync(parse, services, new EditPriorDisclosureCommand(data), VersionJson, v => $"Version {v.Number} stored: {string.Join("; ", v.Changes)}. It is on the site after `prior-disclosure publish`.", ct);
        }));

        var publish = new Command("publish", "Put the newest version on the public site") { CasesCommandLine.JsonOption };
        publish.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services =>
            CasesCommandLine.SendAsync(parse, services, new PublishPriorDisclosureCommand(), VersionJson, v => $"Version {v.Number} published by {v.Publisher} at {Wire.Time(v.PublishedAt)}.", ct)));

        return new Command("prior-disclosure", "事前公开: the agency, officers, matters, inspections, guides and channels the public site shows") { show, export, import, publish };
    }

    private static object VersionJson(PriorDisclosureVersion v) =>
        new { version = v.Number, editor = v.Editor, editedAt = Wire.Time(v.EditedAt), changes = v.Changes, publisher = v.Publisher, publishedAt = Wire.Time(v.PublishedAt) };

    private static string VersionText(PriorDisclosureVersion v) =>
        $"v{v.Number}  {Wire.Time(v.EditedAt)}  {v.Editor}  {(v.PublishedAt is { } at ? $"published {Wire.Time(at)} by {v.Publisher}" : "not published")}{Environment.NewLine}    {string.Join($"{Environment.NewLine}    ", v.Changes)}";
}
