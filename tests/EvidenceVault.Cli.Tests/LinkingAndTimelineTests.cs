using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class LinkingAndTimelineTests(SampleMedia media) : IDisposable
{
    private const string Case = "市监强〔2025〕3号";
    private const string InWindow = "A123456_010203_20250301093015_0001.MP4";     // 09:30:15 local, activity 09:00-10:00
    private const string NearMiss = "A123456_010203_20250301111500_0002.MP4";     // 11:15, 45 min after the window
    private const string OtherOfficer = "B765432_999999_20250301093000_0003.MP4";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Ingest_RecordingInActivityWindow_LinksAutomaticallyAndNearMissIsOnlySuggested()
    {
        await OpenCaseWithSeizureAsync();
        _ws.Put(InWindow, media.Video360);
        _ws.Put(NearMiss, media.Audio);
        _ws.Put(OtherOfficer, media.Photo);

        // Linking is the link job each recording's media work queues; an ingest without --defer-media runs both.
        var ingest = await _ws.IngestAsync();
        var timeline = await Cli("cases", "timeline", Case, "--json");
        var unfiled = await Cli("recordings", "unfiled", "--json");

        var linked = Id(ingest, InWindow);
        var investigation = timeline.Json.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "Investigation");
        var record = Assert.Single(investigation.GetProperty("records").EnumerateArray());
        Assert.Equal(linked, record.GetProperty("recordingId").GetString());
        Assert.Equal("automatic", record.GetProperty("origin").GetString());
        Assert.Equal(Id(ingest, NearMiss), Assert.Single(timeline.Json.GetProperty("suggestions").EnumerateArray()).GetProperty("recordingId").GetString());
        var unfiledIds = unfiled.Json.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("recordingId").GetString()).ToHashSet();
        Assert.Equal([Id(ingest, NearMiss), Id(ingest, OtherOfficer)], unfiledIds);
    }

    [Fact]
    public async Task ActivityAddedAfterIngest_LinksRecordingsAlreadyInTheVault()
    {
        _ws.Put(InWindow, media.Video360);
        var ingest = await _ws.IngestAsync("--defer-media");

        await OpenCaseWithSeizureAsync();
        var shown = await Cli("cases", "show", Case, "--json");

        Assert.Equal(Id(ingest, InWindow), Assert.Single(shown.Json.GetProperty("links").EnumerateArray()).GetProperty("recordingId").GetString());
    }

    [Fact]
    public async Task Timeline_SeizureWithoutVideoAndDecisionWithoutDocument_ListsFindings()
    {
        await OpenCaseWithSeizureAsync();
        await Cli("cases", "decide", Case, "--date", "2025-03-05", "--conclusion", "查封");

        var timeline = await Cli("cases", "timeline", Case, "--json");

        var rules = timeline.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains("seizure-video", rules);
        Assert.Contains("decision-document", rules);
        Assert.Equal(["Start", "Investigation", "Review", "Decision"], timeline.Json.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task Timeline_DecisionDocumentAttached_ClearsThatFinding()
    {
        await OpenCaseWithSeizureAsync();
        await Cli("cases", "decide", Case, "--date", "2025-03-05", "--conclusion", "查封");
        _ws.Write("决定书.txt", "行政强制决定书\n"u8.ToArray());
        var document = Id(await _ws.IngestAsync(), "决定书.txt");
        await Cli("cases", "attach", Case, document, "--stage", "决定", "--document-type", "decision", "--reason", "signed decision");

        var timeline = await Cli("cases", "timeline", Case, "--json");

        Assert.DoesNotContain(timeline.Json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "decision-document");
    }

    private async Task OpenCaseWithSeizureAsync()
    {
        Assert.Equal(0, (await Cli("cases", "create", Case, "--type", "coercion", "--party", "某某商行", "--officer", "010203")).ExitCode);
        var activity = await Cli("cases", "activity", "add", Case, "--stage", "investigation", "--type", "seizure",
            "--start", "2025-03-01T09:00:00+08:00", "--end", "2025-03-01T10:00:00+08:00", "--place", "某某商行仓库");
        Assert.Equal(0, activity.ExitCode);
    }

    private static string Id(CliResult ingest, string path) => Workspace.Item(ingest, path).GetProperty("recordingId").GetString()!;

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
