using System.Globalization;

namespace EvidenceVault.Cli.Tests.Support;

/// <summary>
/// A catalog with two recordings (zhang's of 一中队, li's of 二中队) and staff: admin (senior), zhang, zhao (head
/// of 一中队), li (head of 二中队) and wang (reviewer of 法制科). Commands run as a signed-in user.
/// </summary>
public sealed class Staff(Workspace ws, SampleMedia media)
{
    public string ZhangsRecording { get; private set; } = string.Empty;

    public string LisRecording { get; private set; } = string.Empty;

    public static string Day(int offset) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<Staff> SetUpAsync()
    {
        ws.Put("A123456_010203_20250301093015_0001_3.MP4", media.Video360);
        ws.Put("B765432_040506_20250301100000_0001_3.WAV", media.Audio);
        var ingest = await ws.IngestAsync("--defer-media");
        ZhangsRecording = Workspace.Item(ingest, "A123456_010203_20250301093015_0001_3.MP4").GetProperty("recordingId").GetString()!;
        LisRecording = Workspace.Item(ingest, "B765432_040506_20250301100000_0001_3.WAV").GetProperty("recordingId").GetString()!;
        await Expect(0, null, "users", "add", "admin", "--display-name", "管理员", "--role", "administrator", "--department", "办公室", "--senior");
        await Expect(0, "admin", "users", "add", "zhang", "--display-name", "张三", "--role", "officer", "--department", "一中队", "--officer", "010203");
        await Expect(0, "admin", "users", "add", "zhao", "--display-name", "赵队", "--role", "officer", "--department", "一中队", "--department-head");
        await Expect(0, "admin", "users", "add", "li", "--display-name", "李四", "--role", "officer", "--department", "二中队", "--officer", "040506", "--department-head");
        await Expect(0, "admin", "users", "add", "wang", "--display-name", "王审", "--role", "reviewer", "--department", "法制科");
        return this;
    }

    /// <summary>Who signs in: each staff member through <c>login</c>, once.</summary>
    public Sessions Sessions { get; } = new(ws.Data);

    public Task<CliResult> As(string? actor, params string[] args) => Sessions.RunAsync(actor, args);

    public async Task<CliResult> Expect(int exitCode, string? actor, params string[] args)
    {
        var result = await As(actor, args);
        Assert.True(result.ExitCode == exitCode, $"{string.Join(' ', args)} as {actor}: exit {result.ExitCode}, expected {exitCode}\n{result.StandardError}");
        return result;
    }

    /// <summary>Requests and returns the request number.</summary>
    public async Task<string> RequestAsync(string actor, params string[] args) =>
        (await Expect(0, actor, ["retrieval", "request", "--purpose", "抽查", "--json", .. args])).Json.GetProperty("id").GetString()!;

    public Task<CliResult> GetAsync(string actor, string recording, string? grant = null)
    {
        var output = Path.Combine(ws.Root, $"{Guid.NewGuid():N}.out");
        return As(actor, grant is null ? ["recordings", "get", recording, "-o", output] : ["recordings", "get", recording, "-o", output, "--grant", grant]);
    }
}
