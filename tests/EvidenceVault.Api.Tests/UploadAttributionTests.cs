using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// An upload is attributed to the uploader, whatever its name or metadata claim: the attacks of an officer naming a
/// colleague (and the colleague's recorder and case), and the roles that may upload on someone else's behalf.
/// </summary>
public sealed class UploadAttributionTests : IAsyncLifetime
{
    private static readonly OfficerId Colleague = OfficerId.Parse("040506");
    private static readonly DeviceId ColleaguesRecorder = DeviceId.Parse("ZFY0002");
    private static readonly CaseNumber ColleaguesCase = CaseNumber.Parse("罚〔2025〕8号");

    // 2025-03-01 10:15 in the recorders' zone (Asia/Shanghai), inside the colleague's activity.
    private const string ColleaguesName = "ZFY0002_040506_20250301101500_1.txt";
    private static readonly DateTimeOffset ActivityStart = new(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly ApiHost _host = new();
    private readonly byte[] _note = Encoding.UTF8.GetBytes("现场检查笔录：当事人拒绝签字。");

    private TusClient Tus => new(_host.Client);

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await _host.SendAsync(new SaveOfficerCommand(new Officer(ApiHost.OfficerNumber, "张三", null, "一中队")));
        await _host.SendAsync(new SaveOfficerCommand(new Officer(Colleague, "李四", null, "一中队")));
        await _host.SendAsync(new SaveDeviceCommand(new Device(ColleaguesRecorder, null, "一中队")));
        await _host.SendAsync(new BindDeviceCommand(ColleaguesRecorder, Colleague, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        await _host.SendAsync(new CreateCaseCommand(ColleaguesCase, EnforcementType.Penalty, "某公司", null, [Colleague]));
        await _host.SendAsync(new AddActivityCommand(ColleaguesCase, ProcedureStage.Investigation, "inspection", [Colleague], null, ActivityStart, ActivityStart.AddHours(1)));
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Upload_OfficerNamesFileAfterColleague_AttributedToUploaderAndNeverLinkedOnColleague()
    {
        using var last = await UploadAsync(_host.Client, ColleaguesName);

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        Assert.Equal("stored", TusClient.Header(last, "EvidenceVault-Status"));
        var recording = await RecordingAsync(last);
        Assert.Equal(ApiHost.OfficerNumber.Value, recording.GetProperty("officerId").GetString());
        Assert.Equal(JsonValueKind.Null, recording.GetProperty("deviceId").ValueKind);
        Assert.Contains(ReasonCodes.ProvenanceMismatch, Codes(recording));
        await _host.SendAsync(new ProcessMediaCommand());
        Assert.Empty((await _host.SendAsync(new ShowCaseQuery(ColleaguesCase))).Links);
    }

    [Fact]
    public async Task Upload_OfficerMetadataNamesColleagueAndRecorder_AttributedToUploader()
    {
        using var last = await UploadAsync(_host.Client, "note.txt", ("officer", Colleague.Value), ("device", ColleaguesRecorder.Value));

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var recording = await RecordingAsync(last);
        Assert.Equal(ApiHost.OfficerNumber.Value, recording.GetProperty("officerId").GetString());
        Assert.Equal(JsonValueKind.Null, recording.GetProperty("deviceId").ValueKind);
        Assert.Contains(ReasonCodes.ProvenanceMismatch, Codes(recording));
    }

    [Fact]
    public async Task Upload_OfficerFilesIntoColleaguesCase_Returns403AndKeepsUnfiledRecordingOfUploader()
    {
        using var last = await UploadAsync(_host.Client, "note.txt", ("case", ColleaguesCase.Value));

        Assert.Equal(HttpStatusCode.Forbidden, last.StatusCode);
        Assert.Empty((await _host.SendAsync(new ShowCaseQuery(ColleaguesCase))).Links);
        var id = RecordingId.For(Sha256Digest.Parse(TusClient.Sha256Hex(_note)));
        var recording = await (await _host.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>($"/recordings/{id}");
        Assert.Equal(ApiHost.OfficerNumber.Value, recording.GetProperty("officerId").GetString());
        Assert.Contains(await _host.CustodyAsync(ColleaguesCase.Value), e => e.Action == CustodyActions.AccessDenied);
    }

    [Fact]
    public async Task Upload_ArchivistOnBehalfOfOfficer_AttributedToThatOfficer()
    {
        using var last = await UploadAsync(await _host.ClientForAsync(Role.Archivist), "note.txt", ("officer", Colleague.Value));

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var recording = await RecordingAsync(last);
        Assert.Equal(Colleague.Value, recording.GetProperty("officerId").GetString());
        Assert.DoesNotContain(ReasonCodes.ProvenanceMismatch, Codes(recording));
    }

    [Fact]
    public async Task Upload_StationKeyNamesRecorder_TakesOfficerBoundToIt()
    {
        var issued = await _host.SendAsync(new IssueStationKeyCommand(StationName.Parse("DS-07"), UserName.Parse(ApiHost.Actor)));
        var station = _host.ClientWith(new AuthenticationHeaderValue("ApiKey", issued.Secret));

        using var last = await UploadAsync(station, ColleaguesName, ("device", ColleaguesRecorder.Value));

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var recording = await RecordingAsync(last);
        Assert.Equal(Colleague.Value, recording.GetProperty("officerId").GetString());
        Assert.Equal(ColleaguesRecorder.Value, recording.GetProperty("deviceId").GetString());
        await _host.SendAsync(new ProcessMediaCommand());
        Assert.Single((await _host.SendAsync(new ShowCaseQuery(ColleaguesCase))).Links);
    }

    [Fact]
    public async Task Upload_OwnRecordingMatchingAnActivity_LinkedByTheLinkJobOnly()
    {
        var own = CaseNumber.Parse("罚〔2025〕9号");
        await _host.SendAsync(new CreateCaseCommand(own, EnforcementType.Penalty, "某商店", null, [ApiHost.OfficerNumber]));
        await _host.SendAsync(new AddActivityCommand(own, ProcedureStage.Investigation, "inspection", [ApiHost.OfficerNumber], null, ActivityStart, ActivityStart.AddHours(1)));

        using var last = await UploadAsync(_host.Client, "ZFY0001_010203_20250301101500_1.txt");

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        Assert.Empty((await _host.SendAsync(new ShowCaseQuery(own))).Links);
        await _host.SendAsync(new ProcessMediaCommand());
        Assert.Equal(LinkOrigin.Automatic, Assert.Single((await _host.SendAsync(new ShowCaseQuery(own))).Links).Origin);
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, params (string Key, string Value)[] metadata)
    {
        var tus = new TusClient(client);
        using var created = await tus.CreateAsync(_note.Length, TusClient.Metadata([("filename", fileName), ("sha256", TusClient.Sha256Hex(_note)), .. metadata]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await tus.SendAllAsync(created.Headers.Location!, _note);
    }

    private async Task<JsonElement> RecordingAsync(HttpResponseMessage last) =>
        await (await _host.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>($"/recordings/{TusClient.Header(last, "EvidenceVault-Recording")}");

    private static string[] Codes(JsonElement recording) =>
        [.. recording.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];
}
