using System.CommandLine;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Access;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault stations keys issue|list|revoke</c>: API keys for docking stations and devices (administrators).</summary>
internal static class StationsCommandLine
{
    public static Command Create()
    {
        var keys = new Command("keys", "API keys: a station authenticates with its key and acts as the user it is bound to");
        keys.Subcommands.Add(Issue());
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Revoke());
        var command = new Command("stations", "Stations and devices that call the HTTP API");
        command.Subcommands.Add(keys);
        return command;
    }

    private static Command Issue()
    {
        var station = new Argument<string>("station") { Description = "Station name (docking station or device id)" };
        var user = new Option<string>("--user") { Description = "The user the station acts as (its roles apply; typically a station account with role officer)", Required = true };
        var command = new Command("issue", "Issue a key; it is printed once and stored only as its SHA-256") { station, user, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new IssueStationKeyCommand(StationName.Parse(parse.GetValue(station)!), UserName.Parse(parse.GetValue(user)!)),
            issued => new { key = issued.Secret, details = Key(issued.Key) },
            issued => $"{issued.Secret}\nStation key {issued.Key.Prefix} for {issued.Key.Station}, acting as {issued.Key.User}. It is shown only now: store it in the station's configuration.",
            ct)));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List keys (prefix, station, user, issued, last used, revoked); never the keys themselves") { CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var keys = await services.GetRequiredService<IMediator>().Send(new ListStationKeysQuery(), ct);
            CasesCommandLine.Print(
                parse,
                new { keys = keys.Select(Key) },
                string.Join(Environment.NewLine, keys.Select(k =>
                    $"{k.Id,4}  {k.Prefix}  {k.Station}  as {k.User}  issued {Wire.Time(k.IssuedAt)} by {k.IssuedBy}  last used {Wire.Time(k.LastUsedAt) ?? "never"}{(k.RevokedAt is { } at ? $"  REVOKED {Wire.Time(at)} by {k.RevokedBy}" : string.Empty)}")));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var key = new Argument<string>("key") { Description = "The key's prefix (evk_xxxxxxxx, as `list` shows it) or number" };
        var reason = new Option<string?>("--reason") { Description = "Why (station retired, key leaked...)" };
        var command = new Command("revoke", "Revoke a key: it stops working at once") { key, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new RevokeStationKeyCommand(parse.GetValue(key)!, parse.GetValue(reason)), Key, k => $"Station key {k.Prefix} of {k.Station} revoked.", ct)));
        return command;
    }

    private static object Key(StationKey k) => new
    {
        id = k.Id,
        prefix = k.Prefix,
        station = k.Station.Value,
        user = k.User.Value,
        issuedAt = Wire.Time(k.IssuedAt),
        issuedBy = k.IssuedBy,
        lastUsedAt = Wire.Time(k.LastUsedAt),
        revokedAt = Wire.Time(k.RevokedAt),
        revokedBy = k.RevokedBy,
    };
}
