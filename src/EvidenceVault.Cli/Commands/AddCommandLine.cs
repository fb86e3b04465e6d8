using System.CommandLine;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault add &lt;file&gt; --case --stage</c>: a written record (文字记录) into a case stage.</summary>
internal static class AddCommandLine
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The record: PDF, image, text or office file (or any media)" };
        var number = new Option<string>("--case") { Description = "Case number", Required = true };
        var stage = new Option<string>("--stage") { Description = "Procedure stage (start…filing or 启动…归档)", Required = true };
        var document = new Option<string?>("--document-type") { Description = "decision, proof-of-service, notice, inspection-notes..." };
        var sm3 = new Option<bool>("--sm3") { Description = "Also compute SM3" };
        var command = new Command("add", "Ingest one file and attach it to a case stage") { file, number, stage, document, sm3, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var request = new AddRecordCommand(
                Path.GetFullPath(parse.GetValue(file)!),
                CaseNumber.Parse(parse.GetValue(number)!),
                CaseTerms.ParseStage(parse.GetValue(stage)!),
                parse.GetValue(document),
                new IngestOptions(ComputeSm3: parse.GetValue(sm3)));
            var result = await services.GetRequiredService<IMediator>().Send(request, ct);
            CasesCommandLine.Print(
                parse,
                new { item = IngestDocuments.Item(result.Item), link = result.Link is { } l ? CaseDocuments.Link(l) : null },
                result.Link is { } link
                    ? $"{result.Item.Path}: {Domain.Ingestion.StatusText.Of(result.Item.Status)} as {link.Recording}, attached to case {link.Case} ({link.Stage})."
                    : $"{result.Item.Path}: {Domain.Ingestion.StatusText.Of(result.Item.Status)}; not attached ({string.Join("; ", result.Item.Reasons.Select(r => r.Message))}).");
            return result.Link is null ? ExitCodes.SomeFilesFailed : ExitCodes.Ok;
        }));
        return command;
    }
}
