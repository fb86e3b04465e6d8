using System.CommandLine;
using EvidenceVault.Application.Registry;
using EvidenceVault.Application.Station;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault officers ...</c> and <c>evidencevault devices ...</c>: the registry.</summary>
internal static class RegistryCommandLine
{
    public static Command Officers()
    {
        var number = new Argument<string>("number") { Description = "Officer number (警号)" };
        var name = new Option<string>("--name") { Description = "Name", Required = true };
        var certificate = new Option<string?>("--certificate") { Description = "Enforcement certificate number (执法证件号码)" };
        var unit = new Option<string?>("--unit") { Description = "Unit" };
        var add = new Command("add", "Add or update an officer") { number, name, certificate, unit, CasesCommandLine.JsonOption };
        add.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new SaveOfficerCommand(new Officer(OfficerId.Parse(parse.GetValue(number)!), parse.GetValue(name)!, parse.GetValue(certificate), parse.GetValue(unit))),
            OfficerJson,
            o => $"Officer {o.Number} ({o.Name}) saved.",
            ct)));

        var file = new Argument<string>("csv") { Description = "CSV file: header, then number,name,certificate,unit" };
        var import = new Command("import", "Import officers from CSV (all or nothing)") { file, CasesCommandLine.JsonOption };
        import.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
            await CasesCommandLine.SendAsync(parse, services, new ImportOfficersCommand(await File.ReadAllTextAsync(parse.GetValue(file)!, ct)), n => new { imported = n }, n => $"{n} officers imported.", ct)));

        var list = new Command("list", "List officers") { CasesCommandLine.JsonOption };
        list.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var registry = await services.GetRequiredService<IMediator>().Send(new ListRegistryQuery(), ct);
            CasesCommandLine.Print(parse, new { officers = registry.Officers.Select(OfficerJson) }, string.Join(Environment.NewLine, registry.Officers.Select(o => $"{o.Number}  {o.Name}  {o.CertificateNumber}  {o.Unit}")));
            return ExitCodes.Ok;
        }));
        var showNumber = new Argument<string>("number") { Description = "Officer number (警号)" };
        var show = new Command("show", "Show one officer") { showNumber, CasesCommandLine.JsonOption };
        show.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var o = await services.GetRequiredService<IMediator>().Send(new ShowOfficerQuery(OfficerId.Parse(parse.GetValue(showNumber)!)), ct);
            CasesCommandLine.Print(parse, OfficerJson(o), $"{o.Number}  {o.Name}  certificate {o.CertificateNumber ?? "-"}  unit {o.Unit ?? "-"}");
            return ExitCodes.Ok;
        }));
        return new Command("officers", "Officers in the registry") { add, import, list, show };
    }

    public static Command Devices()
    {
        var id = new Argument<string>("device") { Description = "Device serial" };
        var model = new Option<string?>("--model") { Description = "Model" };
        var unit = new Option<string?>("--unit") { Description = "Unit" };
        var add = new Command("add", "Add or update a recorder") { id, model, unit, CasesCommandLine.JsonOption };
        add.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new SaveDeviceCommand(new Device(DeviceId.Parse(parse.GetValue(id)!), parse.GetValue(model), parse.GetValue(unit))),
            DeviceJson,
            d => $"Device {d.Id} saved.",
            ct)));

        var devicesFile = new Argument<string>("csv") { Description = "CSV file: header, then serial,model,unit" };
        var import = new Command("import", "Import recorders from CSV (all or nothing)") { devicesFile, CasesCommandLine.JsonOption };
        import.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
            await CasesCommandLine.SendAsync(parse, services, new ImportDevicesCommand(await File.ReadAllTextAsync(parse.GetValue(devicesFile)!, ct)), n => new { imported = n }, n => $"{n} devices imported.", ct)));

        var bindingsFile = new Argument<string>("csv") { Description = "CSV file: header, then device,officer,from,to (ISO-8601 instants; to may be empty)" };
        var importBindings = new Command("import-bindings", "Import recorder assignments from CSV (all or nothing)") { bindingsFile, CasesCommandLine.JsonOption };
        importBindings.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
            await CasesCommandLine.SendAsync(parse, services, new ImportBindingsCommand(await File.ReadAllTextAsync(parse.GetValue(bindingsFile)!, ct)), n => new { imported = n }, n => $"{n} assignments imported.", ct)));

        var bindDevice = new Argument<string>("device") { Description = "Device serial" };
        var officer = new Argument<string>("officer") { Description = "Officer number" };
        var from = new Option<DateTimeOffset>("--from") { Description = "Assigned from (ISO-8601 with offset)", Required = true };
        var bind = new Command("bind", "Assign a recorder to an officer from an instant on") { bindDevice, officer, from, CasesCommandLine.JsonOption };
        bind.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new BindDeviceCommand(DeviceId.Parse(parse.GetValue(bindDevice)!), OfficerId.Parse(parse.GetValue(officer)!), parse.GetValue(from)),
            b => new { deviceId = b.Device.Value, officer = b.Officer.Value, from = Wire.Time(b.From) },
            b => $"Device {b.Device} assigned to officer {b.Officer} from {Wire.Time(b.From)}.",
            ct)));

        var list = new Command("list", "List recorders and their assignments") { CasesCommandLine.JsonOption };
        list.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var registry = await services.GetRequiredService<IMediator>().Send(new ListRegistryQuery(), ct);
            CasesCommandLine.Print(
                parse,
                new { devices = registry.Devices.Select(DeviceJson), bindings = registry.Bindings.Select(BindingJson) },
                string.Join(Environment.NewLine, registry.Bindings.Select(BindingText)));
            return ExitCodes.Ok;
        }));

        var showId = new Argument<string>("device") { Description = "Device serial" };
        var show = new Command("show", "Show one recorder and every assignment it has had") { showId, CasesCommandLine.JsonOption };
        show.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var details = await services.GetRequiredService<IMediator>().Send(new ShowDeviceQuery(DeviceId.Parse(parse.GetValue(showId)!)), ct);
            var d = details.Device;
            CasesCommandLine.Print(
                parse,
                new { device = DeviceJson(d), bindings = details.Bindings.Select(BindingJson) },
                string.Join(Environment.NewLine, [$"{d.Id}  model {d.Model ?? "-"}  unit {d.Unit ?? "-"}", .. details.Bindings.Select(BindingText)]));
            return ExitCodes.Ok;
        }));
        var hours = new Option<double?>("--hours") { Description = "Overdue after this many hours without docking (default 24)" };
        var overdue = new Command("overdue", "Recorders not docked at a station for longer than --hours (footage may be waiting on them)") { hours, CasesCommandLine.JsonOption };
        overdue.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var after = parse.GetValue(hours) is { } h ? TimeSpan.FromHours(h) : (TimeSpan?)null;
            var devices = await services.GetRequiredService<IMediator>().Send(new ListOverdueDevicesQuery(after), ct);
            CasesCommandLine.Print(
                parse,
                new OverdueDevicesJson(devices),
                devices.Count == 0 ? "Every recorder was docked in time." : string.Join(Environment.NewLine, devices.Select(d =>
                    $"{d.Device}  model {d.Model ?? "-"}  unit {d.Unit ?? "-"}  last docked {(d.LastDocked is { } at ? $"{Wire.Time(at)} (bay {d.LastBay})" : "never")}")));
            return ExitCodes.Ok;
        }));
        return new Command("devices", "Recorders in the registry and their assignments") { add, import, bind, importBindings, list, show, overdue };
    }

    /// <summary>The JSON of <c>devices overdue</c>.</summary>
    private sealed record OverdueDevicesJson(IReadOnlyList<OverdueDevice> Devices);

    private static object DeviceJson(Device d) => new { deviceId = d.Id.Value, model = d.Model, unit = d.Unit };

    private static object BindingJson(DeviceBinding b) => new { id = b.Id, deviceId = b.Device.Value, officer = b.Officer.Value, from = Wire.Time(b.From), to = Wire.Time(b.To) };

    private static string BindingText(DeviceBinding b) => $"{b.Device}  -> {b.Officer}  {Wire.Time(b.From)} .. {Wire.Time(b.To) ?? "now"}";

    private static object OfficerJson(Officer o) => new { number = o.Number.Value, name = o.Name, certificate = o.CertificateNumber, unit = o.Unit };
}
