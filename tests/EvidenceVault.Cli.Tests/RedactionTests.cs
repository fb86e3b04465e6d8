using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary>Redacted copies through the command line with real ffmpeg: who may make them, and grants for redacted copies only.</summary>
[Collection(MediaCollection.Name)]
public sealed class RedactionTests(SampleMedia media) : IDisposable
{
    private const string Case = "二中队罚〔2025〕9号";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task RedactedOnlyGrant_HandsOutAndExportsTheRedactedCopyNeverTheOriginal()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        var spec = Path.Combine(_ws.Root, "spec.json");
        await File.WriteAllTextAsync(spec, """{ "version": 1, "mutes": [ { "from": 0, "to": 1 } ] }""");

        var stranger = await staff.As("wang", "media", "redact", staff.LisRecording, "--spec", spec);
        var made = await staff.Expect(0, "li", "media", "redact", staff.LisRecording, "--spec", spec);
        var copy = made.Json.GetString("redaction")!;
        await staff.Expect(0, "admin", "cases", "create", Case, "--type", "penalty", "--party", "某某公司");
        await staff.Expect(0, "admin", "cases", "attach", Case, staff.LisRecording, "--reason", "inspection footage");
        var grant = await staff.RequestAsync("wang", "--case", Case, "--from", Staff.Day(0), "--until", Staff.Day(2), "--redacted-only");
        await staff.Expect(0, "li", "retrieval", "approve", grant, "--reason", "政府信息公开");

        var original = await staff.GetAsync("wang", staff.LisRecording, grant);
        var redacted = Path.Combine(_ws.Root, "redacted.mp4");
        await staff.Expect(0, "wang", "recordings", "get", staff.LisRecording, "--redaction", copy, "-o", redacted, "--grant", grant);
        var package = Path.Combine(_ws.Root, "package");
        await staff.Expect(0, "wang", "export", Case, "-o", package, "--grant", grant);
        await staff.Expect(0, "wang", "verify-package", package);

        Assert.Equal(5, stranger.ExitCode);
        Assert.Equal("RD-1", copy);
        Assert.Equal(5, original.ExitCode);
        Assert.Contains("redacted copies only", original.StandardError, StringComparison.Ordinal);
        Assert.Equal(made.Json.GetString("sha256"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(redacted))));
        Assert.False(Directory.Exists(Path.Combine(package, "data", "originals")));
        var exported = Assert.Single(Directory.GetFiles(Path.Combine(package, "data", "redacted"), "*", SearchOption.AllDirectories));
        Assert.Equal(await File.ReadAllBytesAsync(redacted), await File.ReadAllBytesAsync(exported));
    }
}
