using System.Text;
using System.Text.Json;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary><c>cases activity update</c>: links re-checked at the window borders (10 min before, 30 min after, inclusive).</summary>
public sealed class ActivityUpdateTests : IDisposable
{
    private const string Case = "市监罚〔2025〕21号";
    private const string AtStartMargin = "A123456_010203_20250301085000_0001.txt";   // 08:50:00, activity starts 09:00
    private const string AtEndMargin = "A123456_010203_20250301103000_0002.txt";     // 10:30:00, activity ends 10:00
    private const string AttachedByHand = "A123456_010203_20250301093000_0003.txt";  // 09:30:00, then attached by hand
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task ActivityUpdate_WindowMovedOneSecondPastEachMargin_UnlinksThenRelinksAndNeverTouchesManualLinks()
    {
        var ids = await OpenCaseWithThreeRecordsAsync();
        Assert.Equal(0, (await Cli("cases", "attach", Case, ids[AttachedByHand], "--reason", "signed on-site record")).ExitCode);
        Assert.Equal(["automatic", "automatic", "manual"], await OriginsAsync(ids));

        var startOut = await Update("--start", "2025-03-01T09:00:01+08:00");
        var afterStart = await OriginsAsync(ids);
        var endOut = await Update("--end", "2025-03-01T09:59:59+08:00");
        var afterEnd = await OriginsAsync(ids);
        var oneSecondInside = await Update("--start", "2025-03-01T08:59:59+08:00", "--end", "2025-03-01T10:00:01+08:00");
        var afterInside = await OriginsAsync(ids);
        var exactBorders = await Update("--start", "2025-03-01T09:00:00+08:00", "--end", "2025-03-01T10:00:00+08:00");
        var farAway = await Update("--start", "2025-03-01T15:00:00+08:00", "--end", "2025-03-01T16:00:00+08:00");
        var afterFar = await OriginsAsync(ids);

        Assert.Equal(1, startOut.Json.GetProperty("unlinked").GetInt32());
        Assert.Equal(["suggested", "automatic", "manual"], afterStart);
        Assert.Equal(1, endOut.Json.GetProperty("unlinked").GetInt32());
        Assert.Equal(["suggested", "suggested", "manual"], afterEnd);
        Assert.Equal(2, oneSecondInside.Json.GetProperty("linked").GetInt32());
        Assert.Equal(["automatic", "automatic", "manual"], afterInside);
        Assert.Equal((0, 0), (exactBorders.Json.GetProperty("unlinked").GetInt32(), exactBorders.Json.GetProperty("linked").GetInt32()));
        Assert.Equal(2, farAway.Json.GetProperty("unlinked").GetInt32());
        Assert.Equal([null, null, "manual"], afterFar);
        Assert.True((await Cli("audit", "verify", "--json")).Json.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task ActivityUpdate_OtherOfficer_UnlinksAndWritesTheChangeAndTheReasonToCustody()
    {
        var ids = await OpenCaseWithThreeRecordsAsync();

        var update = await Update("--officer", "040506", "--place", "某某公司仓库");
        var custody = (await Cli("audit", "show", "--subject", Case, "--json")).Json.GetProperty("entries").EnumerateArray().ToList();
        var unfiled = await Cli("recordings", "unfiled", "--json");

        Assert.Equal(3, update.Json.GetProperty("unlinked").GetInt32());
        Assert.Equal(["040506"], update.Json.GetProperty("activity").GetProperty("officers").EnumerateArray().Select(o => o.GetString()));
        var changed = custody.Single(e => e.GetProperty("action").GetString() == "case.activity-changed").GetProperty("details");
        Assert.Equal(1, changed.GetProperty("activityId").GetInt64());
        Assert.Equal("某某公司仓库", changed.GetProperty("place").GetString());
        var unlinks = custody.Where(e => e.GetProperty("action").GetString() == "case.recording-unlinked").ToList();
        Assert.Equal(3, unlinks.Count);
        Assert.All(unlinks, u => Assert.Contains("activity 1 changed", u.GetProperty("details").GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Equal(ids.Values.ToHashSet<string?>(), unfiled.Json.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("recordingId").GetString()).ToHashSet());
    }

    [Fact]
    public async Task ActivityUpdate_BadRequests_ClearErrors()
    {
        await OpenCaseWithThreeRecordsAsync();

        var unknown = await Cli("cases", "activity", "update", Case, "99", "--place", "x");
        var backwards = await Update("--end", "2025-03-01T08:59:59+08:00");
        var nothing = await Cli("cases", "activity", "update", Case, "1");
        await Cli("cases", "close", Case);
        var closed = await Update("--place", "x");

        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("no activity 99", unknown.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, backwards.ExitCode);
        Assert.Contains("before it starts", backwards.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Equal(6, closed.ExitCode);
        Assert.Contains("closed", closed.StandardError, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> OpenCaseWithThreeRecordsAsync()
    {
        foreach (var name in new[] { AtStartMargin, AtEndMargin, AttachedByHand })
        {
            _ws.Write(name, Encoding.UTF8.GetBytes($"现场笔录 {name}\n"));
        }

        var ingest = await _ws.IngestAsync();
        Assert.Equal(0, (await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司", "--officer", "010203")).ExitCode);
        var add = await Cli("cases", "activity", "add", Case, "--stage", "investigation", "--type", "inspection",
            "--start", "2025-03-01T09:00:00+08:00", "--end", "2025-03-01T10:00:00+08:00", "--json");
        Assert.Equal(1, add.Json.GetProperty("id").GetInt64());
        return new[] { AtStartMargin, AtEndMargin, AttachedByHand }.ToDictionary(n => n, n => Workspace.Item(ingest, n).GetProperty("recordingId").GetString()!);
    }

    /// <summary>The origin of each record's link to the case (null: none), in the order start margin, end margin, by hand.</summary>
    private async Task<List<string?>> OriginsAsync(Dictionary<string, string> ids)
    {
        var links = (await Cli("cases", "show", Case, "--json")).Json.GetProperty("links").EnumerateArray().ToList();
        return [.. new[] { AtStartMargin, AtEndMargin, AttachedByHand }.Select(n => links.SingleOrDefault(l => l.GetProperty("recordingId").GetString() == ids[n]) is { ValueKind: JsonValueKind.Object } l
            ? l.GetProperty("origin").GetString()
            : null)];
    }

    private Task<CliResult> Update(params string[] options) => Cli(["cases", "activity", "update", Case, "1", "--json", .. options]);

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
