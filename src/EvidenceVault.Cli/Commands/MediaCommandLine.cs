using System.CommandLine;
using EvidenceVault.Cli.Output;
using EvidenceVault.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault media proxy &lt;in&gt; &lt;out&gt;</c>: make one proxy and print the command line (for benchmarks and support).</summary>
internal static class MediaCommandLine
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A media file" };
        var output = new Argument<string>("output") { Description = "The proxy MP4 to write (must not exist)" };
        var commandFile = new Option<string?>("--command-file") { Description = "Also write the ffmpeg command line there, NUL-separated (for scripts)" };
        var proxy = new Command("proxy", "Make a browser proxy of one file and print the exact ffmpeg command used") { input, output, commandFile };
        proxy.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var run = await services.GetRequiredService<ProxyDiagnostics>()
                .RunAsync(Path.GetFullPath(parse.GetValue(input)!), Path.GetFullPath(parse.GetValue(output)!), ct);
            if (parse.GetValue(commandFile) is { } file)
            {
                await File.WriteAllTextAsync(file, string.Join('\0', run.Command), ct);
            }

            Wire.Print(new { method = Wire.Kind(run.Method), command = run.Command, seconds = run.Seconds });
            return ExitCodes.Ok;
        }));
        return new Command("media", "Media diagnostics") { proxy };
    }
}
