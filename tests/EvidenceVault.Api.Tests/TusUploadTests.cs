using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

public sealed class TusUploadTests(UploadMedia media) : IClassFixture<UploadMedia>, IAsyncLifetime
{
    private readonly ApiHost _host = new();

    private TusClient Tus => new(_host.Client);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Upload_InChunks_StoresRecordingWithMatchingSha256()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4");

        using var last = await Tus.SendAllAsync(upload, media.Bytes);

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        Assert.Equal(media.Bytes.Length, TusClient.Offset(last));
        Assert.Equal("stored", TusClient.Header(last, "EvidenceVault-Status"));
        var recordingId = TusClient.Header(last, "EvidenceVault-Recording");
        var recording = await (await _host.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>($"/recordings/{recordingId}");
        Assert.Equal(TusClient.Sha256Hex(media.Bytes), recording.GetProperty("sha256").GetString());
        Assert.Equal(TusClient.Sha256Hex(media.Bytes), recording.GetProperty("declaredSha256").GetString());
        Assert.Equal("video", recording.GetProperty("kind").GetString());
        using var head = await Tus.HeadAsync(upload);
        Assert.Equal(recordingId, TusClient.Header(head, "EvidenceVault-Recording"));
        Assert.Equal("1.0.0", TusClient.Header(head, "Tus-Resumable"));
        Assert.False(Directory.Exists(Path.Combine(_host.Data, "uploads", upload.Segments[^1], "file")));
        var custody = await CustodyAsync(upload);
        Assert.Equal([CustodyActions.UploadCreated, CustodyActions.UploadCompleted], custody.Select(e => e.Action));
        Assert.All(custody, e => Assert.Equal(ApiHost.Actor, e.Actor));
    }

    [Fact]
    public async Task Patch_ClientStopsMidBody_KeepsWhatArrivedAndResumes()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4");
        const int Arrived = 100_000;

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Tus.PatchAsync(upload, 0, new BreakingContent(media.Bytes[..Arrived])));

        // The server notices the broken connection on its own time; until then the offset may still be moving.
        var head = await Tus.HeadAsync(upload);
        for (var attempt = 0; attempt < 50 && TusClient.Offset(head) != Arrived; attempt++)
        {
            head.Dispose();
            await Task.Delay(100);
            head = await Tus.HeadAsync(upload);
        }

        using var _ = head;
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(Arrived, TusClient.Offset(head));
        Assert.NotNull(TusClient.Header(head, "Upload-Expires"));
        using var last = await Tus.SendAllAsync(upload, media.Bytes, offset: TusClient.Offset(head));
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var recording = await (await _host.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>($"/recordings/{TusClient.Header(last, "EvidenceVault-Recording")}");
        Assert.Equal(TusClient.Sha256Hex(media.Bytes), recording.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Patch_WrongChunkChecksum_Returns460AndKeepsNothingOfIt()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4");
        using var first = await Tus.PatchAsync(upload, 0, media.Bytes.AsMemory(0, 1000));
        var wrong = "sha256 " + Convert.ToBase64String(new byte[32]);

        using var response = await Tus.PatchAsync(upload, 1000, new ByteArrayContent(media.Bytes[1000..5000]), wrong);

        Assert.Equal((HttpStatusCode)460, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var head = await Tus.HeadAsync(upload);
        Assert.Equal(1000, TusClient.Offset(head));
        Assert.Equal(1000, new FileInfo(Path.Combine(_host.Data, "uploads", upload.Segments[^1], "file", "clip.mp4")).Length);
    }

    [Fact]
    public async Task Create_WithFirstChunk_Returns201AtItsOffset()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/uploads") { Content = new ByteArrayContent(media.Bytes[..5000]) };
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", media.Bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", TusClient.Metadata(("filename", "clip.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes))));
        request.Content.Headers.ContentType = new("application/offset+octet-stream");

        using var response = await _host.Client.SendAsync(request);
        using var last = await Tus.SendAllAsync(response.Headers.Location!, media.Bytes, offset: 5000);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(5000, TusClient.Offset(response));
        Assert.Equal("stored", TusClient.Header(last, "EvidenceVault-Status"));
    }

    [Fact]
    public async Task Upload_WithCaseAndStage_IsFiledToThatCase()
    {
        var number = CaseNumber.Parse("罚〔2025〕7号");
        var mediator = _host.Services.GetRequiredService<IMediator>();

        // The uploader works on the case: only then does an officer's upload file into it.
        await mediator.Send(new CreateCaseCommand(number, EnforcementType.Penalty, "某公司", null, [ApiHost.OfficerNumber]));
        using var created = await Tus.CreateAsync(media.Bytes.Length, TusClient.Metadata(
            ("filename", "seizure.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes)), ("case", number.Value), ("stage", "调查取证")));

        using var last = await Tus.SendAllAsync(created.Headers.Location!, media.Bytes);

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var link = Assert.Single((await mediator.Send(new ShowCaseQuery(number))).Links);
        Assert.Equal(RecordingId.Parse(TusClient.Header(last, "EvidenceVault-Recording")!), link.Recording);
        Assert.Equal(ProcedureStage.Investigation, link.Stage);
    }

    [Fact]
    public async Task Create_UnknownCase_Returns404BeforeAnyByte()
    {
        using var response = await Tus.CreateAsync(media.Bytes.Length, TusClient.Metadata(
            ("filename", "seizure.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes)), ("case", "罚〔2025〕404号")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(TusClient.UploadFolders(_host.Data));
    }

    [Fact]
    public async Task Patch_WrongOffset_Returns409()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4");

        using var response = await Tus.PatchAsync(upload, 500, media.Bytes.AsMemory(500, 1000));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("offset 0", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WholeFileSha256Mismatch_IsRefusedAndNothingIngested()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4", sha256: new string('a', 64));

        using var last = await Tus.SendAllAsync(upload, media.Bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, last.StatusCode);
        Assert.Contains("declared", (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var listed = await (await _host.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>("/recordings");
        Assert.Equal([_host.RecordingId], listed.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("recordingId").GetString()));
        using var head = await Tus.HeadAsync(upload);
        Assert.Equal(HttpStatusCode.Gone, head.StatusCode);
        Assert.Contains(await CustodyAsync(upload), e => e.Action == CustodyActions.UploadRefused);
    }

    [Fact]
    public async Task Upload_SameBytesAsStoredRecording_ReportsDuplicate()
    {
        var photo = await File.ReadAllBytesAsync(_host.VaultObject);
        var upload = await Tus.CreateForAsync(photo, "again.jpg");

        using var last = await Tus.SendAllAsync(upload, photo);

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        Assert.Equal("duplicate", TusClient.Header(last, "EvidenceVault-Status"));
        Assert.Equal(_host.RecordingId, TusClient.Header(last, "EvidenceVault-Recording"));
    }

    [Fact]
    public async Task Delete_Upload_Returns204RemovesBytesAndLogsTermination()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4");
        using var first = await Tus.PatchAsync(upload, 0, media.Bytes.AsMemory(0, 1000));

        using var response = await Tus.DeleteAsync(upload);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(_host.Data, "uploads", upload.Segments[^1])));
        using var head = await Tus.HeadAsync(upload);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Contains(await CustodyAsync(upload), e => e.Action == CustodyActions.UploadTerminated);
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("..\\..\\x\u0001y\nz.jpg", "x_y_z.jpg")]
    [InlineData("/.hidden.jpg", "hidden.jpg")]
    public async Task Upload_HostileFileName_IsStoredUnderASafeName(string hostile, string safe)
    {
        var photo = await MakeOtherPhotoAsync();
        var upload = await Tus.CreateForAsync(photo, hostile);

        using var last = await Tus.SendAllAsync(upload, photo);

        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var recording = await (await _host.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>($"/recordings/{TusClient.Header(last, "EvidenceVault-Recording")}");
        Assert.Equal(safe, recording.GetProperty("sourcePath").GetString());
        Assert.False(Directory.Exists(Path.Combine(_host.Root, "etc")));
        Assert.Empty(Directory.GetFiles(_host.Root, "passwd*", SearchOption.AllDirectories));
        Assert.Contains(await CustodyAsync(upload), e => e.Action == CustodyActions.UploadCreated && e.Details.Contains("fileName", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_NameWithoutKnownExtension_Returns415()
    {
        using var response = await Tus.CreateAsync(10, TusClient.Metadata(("filename", "../../etc/passwd"), ("sha256", new string('a', 64))));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("1.0.0", TusClient.Header(response, "Tus-Resumable"));
        Assert.Empty(TusClient.UploadFolders(_host.Data));
    }

    [Fact]
    public async Task Create_WithoutSha256Metadata_Returns400()
    {
        using var response = await Tus.CreateAsync(10, TusClient.Metadata(("filename", "clip.mp4")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sha256", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_LargerThanMaximum_Returns413()
    {
        using var response = await Tus.CreateAsync((16L << 30) + 1, TusClient.Metadata(("filename", "clip.mp4"), ("sha256", new string('a', 64))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithoutTusResumable_Returns412WithTusVersion()
    {
        using var response = await _host.Client.PostAsync("/uploads", null);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("1.0.0", TusClient.Header(response, "Tus-Version"));
    }

    [Fact]
    public async Task Options_Discovery_NamesVersionExtensionsAndChecksum()
    {
        using var response = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/uploads"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.0.0", TusClient.Header(response, "Tus-Version"));
        Assert.Equal("creation,creation-with-upload,checksum,termination,expiration", TusClient.Header(response, "Tus-Extension"));
        Assert.Equal("sha256", TusClient.Header(response, "Tus-Checksum-Algorithm"));
        Assert.Equal((16L << 30).ToString(System.Globalization.CultureInfo.InvariantCulture), TusClient.Header(response, "Tus-Max-Size"));
    }

    [Fact]
    public async Task Head_SomeoneElsesUpload_Returns404AndAnonymous401()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4");
        var other = await _host.ClientForAsync(Role.Archivist);

        using var foreign = await new TusClient(other).HeadAsync(upload);
        using var unnamed = await new TusClient(_host.Anonymous).HeadAsync(upload);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unnamed.StatusCode);
        Assert.Equal("1.0.0", TusClient.Header(unnamed, "Tus-Resumable"));
    }

    private async Task<IReadOnlyList<CustodyEntry>> CustodyAsync(Uri upload) =>
        [.. (await _host.Services.GetRequiredService<ICustodyLog>().ReadAsync(upload.Segments[^1], CancellationToken.None)).Select(r => r.Entry)];

    /// <summary>A photo other than the host's, so it is stored rather than a duplicate.</summary>
    private async Task<byte[]> MakeOtherPhotoAsync()
    {
        var bytes = await File.ReadAllBytesAsync(_host.VaultObject);
        return [.. bytes, .. "trailer"u8.ToArray()];
    }
}
