using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api.Tests;

/// <summary>Interoperability with the real tus-js-client from npm (installed by tools/test.sh under .tools/tus-js-client).</summary>
public sealed class TusJsClientTests(UploadMedia media) : IClassFixture<UploadMedia>, IAsyncLifetime
{
    public const string PackageVariable = "EVIDENCEVAULT_TUS_JS_CLIENT";
    private const int ChunkSize = 256 * 1024;

    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task TusJsClient_AbortedMidwayThenResumed_StoresRecordingWithMatchingSha256()
    {
        var sha256 = TusClient.Sha256Hex(media.Bytes);
        var abortAfter = media.Bytes.Length / 2;

        var output = await RunNodeAsync(
            Path.Combine(AppContext.BaseDirectory, "tus", "upload-abort-resume.cjs"),
            new Uri(_host.Client.BaseAddress!, "/uploads").ToString(),
            media.Path,
            _host.Client.DefaultRequestHeaders.Authorization!.ToString(),
            sha256,
            ChunkSize.ToString(CultureInfo.InvariantCulture),
            abortAfter.ToString(CultureInfo.InvariantCulture));

        var result = JsonDocument.Parse(output).RootElement;
        var resumedFrom = result.GetProperty("resumedFrom").GetInt64();
        Assert.InRange(resumedFrom, ChunkSize, media.Bytes.Length - 1);
        Assert.True(result.GetProperty("patches").GetInt32() >= 2, output);
        Assert.Equal("stored", result.GetProperty("status").GetString());
        var recording = await (await _host.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>($"/recordings/{result.GetProperty("recording").GetString()}");
        Assert.Equal(sha256, recording.GetProperty("sha256").GetString());
        Assert.Equal("clip.mp4", recording.GetProperty("sourcePath").GetString());
    }

    private static async Task<string> RunNodeAsync(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["NODE_PATH"] = PackageFolder();
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process? node;
        try
        {
            node = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("node is not installed: tools/test.sh installs it (apt nodejs).", ex);
        }

        using var process = node ?? throw new InvalidOperationException("node did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"tus-js-client failed (exit {process.ExitCode}): {await stderr}");
        return await stdout;
    }

    /// <summary>The node_modules folder holding tus-js-client: from the environment, else the repository's .tools.</summary>
    private static string PackageFolder()
    {
        if (Environment.GetEnvironmentVariable(PackageVariable) is { Length: > 0 } configured)
        {
            return Directory.Exists(Path.Combine(configured, "tus-js-client"))
                ? configured
                : throw new InvalidOperationException($"{PackageVariable}={configured} holds no tus-js-client; run tools/test.sh, which installs it.");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".tools", "tus-js-client", "node_modules");
            if (Directory.Exists(Path.Combine(candidate, "tus-js-client")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tus-js-client is not installed: run tools/test.sh (it runs npm install --prefix .tools/tus-js-client tus-js-client@4.3.1) or set {PackageVariable}.");
    }
}
