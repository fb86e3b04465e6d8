using EvidenceVault.Application.Station;
using Spectre.Console;

namespace EvidenceVault.Cli.Output;

/// <summary>The station's bays in the terminal: a live table, or one line per change when the output is a log.</summary>
internal static class StationDashboard
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);

    public static async Task ShowAsync(BayBoard board, CancellationToken cancellationToken)
    {
        await AnsiConsole.Live(Table(board.Snapshot())).AutoClear(false).StartAsync(async context =>
        {
            try
            {
                await foreach (var snapshot in board.WatchAsync(Coalesce, cancellationToken))
                {
                    context.UpdateTarget(Table(snapshot));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    /// <summary>A line whenever a bay changes phase (not on every progress tick), for journald and other logs.</summary>
    public static async Task PrintChangesAsync(BayBoard board, CancellationToken cancellationToken)
    {
        var last = new Dictionary<int, (BayPhase, string?)>();
        try
        {
            await foreach (var snapshot in board.WatchAsync(TimeSpan.Zero, cancellationToken))
            {
                foreach (var bay in snapshot.Bays.Where(b => last.GetValueOrDefault(b.Bay) != (b.Phase, b.DeviceKey) && b.Phase != BayPhase.Empty))
                {
                    last[bay.Bay] = (bay.Phase, bay.DeviceKey);
                    await Console.Out.WriteLineAsync(Terminal.Text($"bay {bay.Bay}: {Phase(bay)}  {bay.Device ?? "-"}  officer {bay.Officer ?? "-"}  {bay.Location}  {Detail(bay)}"));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Table Table(BoardSnapshot snapshot)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Bay", "Device", "Officer", "State", "Files", "MB/s", "Clock", "Detail");
        foreach (var bay in snapshot.Bays)
        {
            table.AddRow(
                bay.Bay.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(bay.Device ?? (bay.Phase == BayPhase.Empty ? "" : "?")),
                Markup.Escape(bay.Officer ?? ""),
                Colour(bay),
                bay.FilesTotal > 0 ? $"{bay.FilesDone}/{bay.FilesTotal}" : "",
                bay.MegabytesPerSecond?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                bay.ClockOffsetSeconds is { } offset ? $"{offset:+0.0;-0.0} s" : bay.Phase == BayPhase.Empty ? "" : "unknown",
                Markup.Escape(Terminal.Text(Detail(bay))));
        }

        table.Caption(snapshot.Queued > 0 ? $"{snapshot.Queued} device(s) waiting for a free bay" : $"updated {snapshot.At:HH:mm:ss}");
        return table;
    }

    private static string Colour(BayStatus bay) => bay.Phase switch
    {
        BayPhase.Done => "[green]done[/]",
        BayPhase.Failed => "[red]failed[/]",
        BayPhase.Refused => "[yellow]refused[/]",
        BayPhase.Empty => "",
        _ => Phase(bay),
    };

    private static string Phase(BayStatus bay) => bay.Phase switch
    {
        BayPhase.Copying when bay.WipeAfterVerify => "copying (wipe after verify)",
        _ => bay.Phase.ToString().ToLowerInvariant(),
    };

    private static string Detail(BayStatus bay) => bay switch
    {
        { ReasonCode: { } code } => $"{code}: {bay.Message}",
        { Summary: { } s } => $"{s.Stored} stored, {s.Duplicate + s.AlreadyIngested} already secured, {s.Failed} failed",
        _ => bay.Location ?? "",
    };
}
