using System.CommandLine;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Cli.Output;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault incidents list|resolve</c>: integrity incidents raised by fixity and exports.</summary>
internal static class IncidentsCommandLine
{
    public static Command Create() => new("incidents", "Integrity incidents: originals found changed or missing") { List(), Resolve() };

    private static Command List()
    {
        var status = new Option<string?>("--status") { Description = "open or resolved" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("list", "List integrity incidents, newest first") { status, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var filter = parse.GetValue(status) is { } s ? Enum.Parse<IncidentStatus>(s, ignoreCase: true) : (IncidentStatus?)null;
            var incidents = await services.GetRequiredService<IMediator>().Send(new ListIncidentsQuery(filter), ct);
            if (parse.GetValue(json))
            {
                Wire.Print(new { incidents = incidents.Select(Incident) });
            }
            else
            {
                foreach (var i in incidents)
                {
                    Console.WriteLine(Terminal.Text($"{i.Id,5}  {Wire.Kind(i.Status),-8}  {i.Recording}  {i.Kind,-7}  detected {Wire.Time(i.DetectedAt)}{(i.Resolution is null ? string.Empty : $"  resolved: {i.Resolution}")}"));
                }

                Console.WriteLine($"{incidents.Count} incidents, {incidents.Count(i => i.Status == IncidentStatus.Open)} open.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Resolve()
    {
        var id = new Argument<long>("id") { Description = "Incident id" };
        var reason = new Option<string>("--reason") { Description = "Why the incident is closed (restored from a copy, accepted as lost...)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("resolve", "Close an integrity incident with a reason") { id, reason, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            try
            {
                var resolved = await services.GetRequiredService<IMediator>().Send(new ResolveIncidentCommand(parse.GetValue(id), parse.GetValue(reason)!), ct);
                if (parse.GetValue(json))
                {
                    Wire.Print(Incident(resolved));
                }
                else
                {
                    Console.WriteLine($"Incident {resolved.Id} resolved ({resolved.Recording}).");
                }

                return ExitCodes.Ok;
            }
            catch (IncidentNotFoundException ex)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
                return ExitCodes.NotFound;
            }
        }));
        return command;
    }

    private static object Incident(IntegrityIncident i) => new
    {
        id = i.Id,
        recordingId = i.Recording.Value,
        kind = i.Kind,
        detectedAt = Wire.Time(i.DetectedAt),
        status = Wire.Kind(i.Status),
        details = System.Text.Json.JsonDocument.Parse(i.Details).RootElement,
        resolvedAt = Wire.Time(i.ResolvedAt),
        resolvedBy = i.ResolvedBy,
        resolution = i.Resolution,
    };
}
