using System.Diagnostics;
using System.Text.Json;

namespace EvidenceVault.Devices.Tests.Mtp;

/// <summary>
/// Runs a program under umockdev-run against one recorded scenario of Fixtures/Mtp (made by
/// tools/record-mtp-fixtures.sh): real libmtp in the child, talking to the replayed usbdevfs traffic of QEMU's
/// usb-mtp device. The program must make exactly the calls that were recorded, hence the same scenario program.
/// </summary>
internal static class MtpReplay
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mtp");

    /// <summary>Path → SHA-256 of the sample recorder's files, as recorded next to the fixtures.</summary>
    public static Dictionary<string, string> ExpectedDigests() =>
        File.ReadAllLines(Path.Combine(Fixtures, "expected.sha256"))
            .Where(l => l.Length > 66)
            .ToDictionary(l => l[66..], l => l[..64], StringComparer.Ordinal);

    /// <summary>The scenario program's result (its "RESULT " line) for <paramref name="arguments"/> replayed from <paramref name="log"/>.</summary>
    public static async Task<JsonElement> ScenarioAsync(string log, params string[] arguments)
    {
        var (exit, output, errors) = await RunAsync(log, [Sibling("EvidenceVault.Devices.MtpScenario", "EvidenceVault.Devices.MtpScenario.dll"), .. arguments]);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The scenario printed no result (exit {exit}).\n{output}\n{errors}");
        return JsonDocument.Parse(line["RESULT ".Length..]).RootElement.Clone();
    }

    /// <summary>The CLI's JSON document for <paramref name="arguments"/> replayed from <paramref name="log"/>.</summary>
    public static async Task<(int Exit, JsonElement Json)> CliAsync(string log, params string[] arguments)
    {
        var (exit, output, errors) = await RunAsync(log, [Sibling(Path.Combine("..", "src", "EvidenceVault.Cli"), "evidencevault.dll"), .. arguments]);

        // libmtp writes its own lines to standard output; the CLI's document is the one JSON object in it.
        var (start, end) = (output.IndexOf('{', StringComparison.Ordinal), output.LastIndexOf('}'));
        return start < 0 || end < start
            ? throw new InvalidOperationException($"The CLI printed no JSON (exit {exit}).\n{output}\n{errors}")
            : (exit, JsonDocument.Parse(output[start..(end + 1)]).RootElement.Clone());
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string log, string[] program)
    {
        var work = Directory.CreateTempSubdirectory("ev-mtp-replay-").FullName;
        try
        {
            var ioctl = Path.Combine(work, log + ".ioctl");
            await DecompressAsync(Path.Combine(Fixtures, log + ".ioctl.xz"), ioctl);
            var node = (await File.ReadAllTextAsync(Path.Combine(Fixtures, "node.txt"))).Trim();
            var start = new ProcessStartInfo("umockdev-run") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = work };
            foreach (var argument in (string[])["--device", Path.Combine(Fixtures, "device.umockdev"), "--ioctl", $"{node}={ioctl}", "--", "dotnet", .. program])
            {
                start.ArgumentList.Add(argument);
            }

            // .NET hangs in start-up under umockdev's preload unless its diagnostics IPC is off.
            start.Environment["DOTNET_EnableDiagnostics"] = "0";
            start.Environment["TMPDIR"] = work;
            return await RunToEndAsync(start);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task DecompressAsync(string xz, string target)
    {
        var start = new ProcessStartInfo("xz", ["-dc", xz]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        await using (var output = File.Create(target))
        {
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.BaseStream.CopyToAsync(output);
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"xz -dc {xz} failed: {await errors}");
            }
        }
    }

    private static async Task<(int, string, string)> RunToEndAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException("umockdev-run did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The replay did not finish in {Timeout}.\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>A program built next to this test project (same configuration and framework folders).</summary>
    private static string Sibling(string project, string file)
    {
        // bin/<Configuration>/<tfm>/ of this project → the same folders of the other one.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = tfm.Parent!;
        var projectFolder = configuration.Parent!.Parent!;
        var path = Path.GetFullPath(Path.Combine(projectFolder.Parent!.FullName, project, "bin", configuration.Name, tfm.Name, file));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{file} is not built at {path}.");
    }
}
