using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceVault.Cli.Tests.Support;

/// <summary>A case to export; tampering with an unpacked package as a forger would; running its own <c>verify.sh</c>.</summary>
public static class PackageFiles
{
    // A case number that would escape a folder or break a CSV if it were ever used as either.
    public const string Case = "市监罚〔2025〕12号/../\"x\",=1";
    public const string Video = "A123456_010203_20250301093015_0001_3.MP4";
    public const string HostilePhoto = "=HYPERLINK(\"http:x\"),照片.jpg";

    /// <summary>A video in the investigation stage and a hostile-named photo as the decision document.</summary>
    public static async Task<(string Video, string Photo)> FileCaseAsync(Workspace ws, SampleMedia media, bool deferMedia)
    {
        ws.Put(Video, media.Video360);
        ws.Put(HostilePhoto, media.Photo);
        var ingest = deferMedia ? await ws.IngestAsync("--defer-media") : await ws.IngestAsync();
        var video = Workspace.Item(ingest, Video).GetProperty("recordingId").GetString()!;
        var photo = Workspace.Item(ingest, HostilePhoto).GetProperty("recordingId").GetString()!;
        Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(ws.Data, args);
        Assert.Equal(0, (await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司")).ExitCode);
        Assert.Equal(0, (await Cli("cases", "attach", Case, video, "--stage", "investigation", "--reason", "on-site footage")).ExitCode);
        Assert.Equal(0, (await Cli("cases", "attach", Case, photo, "--stage", "decision", "--document-type", "decision", "--reason", "decision")).ExitCode);
        return (video, photo);
    }

    public static string Flip(string root, string path)
    {
        var file = Path.Combine(root, path);
        File.SetAttributes(file, FileAttributes.Normal);
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(file, bytes);
        return path;
    }

    public static string Delete(string root, string path)
    {
        File.Delete(Path.Combine(root, path));
        return path;
    }

    public static string Add(string root, string path)
    {
        File.WriteAllText(Path.Combine(root, path), "planted");
        return path;
    }

    public static string Replace(string root, string path, string from, string to)
    {
        var file = Path.Combine(root, path);
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
        return path;
    }

    /// <summary>Puts the current hash of <paramref name="listed"/> into a manifest.</summary>
    public static void Rewrite(string root, string manifest, string listed)
    {
        var file = Path.Combine(root, manifest);
        var lines = File.ReadAllLines(file).Select(l => l.EndsWith("  " + listed, StringComparison.Ordinal) ? $"{Sha256Of(Path.Combine(root, listed))}  {listed}" : l);
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
    }

    public static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Zips a tampered directory back up, for the zip form of an attack.</summary>
    public static string Zip(string directory)
    {
        var zip = directory + ".zip";
        ZipFile.CreateFromDirectory(directory, zip);
        return zip;
    }

    public static Task<(int ExitCode, string Output)> ShAsync(string package, params string[] args) => ShAsync(package, args, null);

    /// <summary>Runs the package's verify.sh with <paramref name="args"/>, and with <paramref name="searchPath"/> as PATH when given.</summary>
    public static async Task<(int ExitCode, string Output)> ShAsync(string package, IReadOnlyList<string> args, string? searchPath)
    {
        var info = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        if (searchPath is not null)
        {
            info.Environment["PATH"] = searchPath;
        }

        info.ArgumentList.Add(Path.Combine(package, "verify.sh"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, new StringBuilder(await stdout).Append(await stderr).ToString());
    }
}
