using System.Diagnostics;
using System.Text.Json;

namespace EvidenceVault.Cli.Tests.Support;

/// <summary>The result of one run of the real <c>evidencevault</c> program.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public JsonElement Json => JsonDocument.Parse(StandardOutput).RootElement;
}

/// <summary>Runs the built <c>evidencevault</c> as a separate process, the way a station would.</summary>
public static class CliRunner
{
    public static readonly string Program = Path.Combine(AppContext.BaseDirectory, "evidencevault.dll");

    public static ProcessStartInfo StartInfo(string dataDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["EVIDENCEVAULT_DATA"] = dataDirectory;

        // A run signs in only with what the test hands it, never with a session of whoever runs the tests.
        info.Environment["EVIDENCEVAULT_TOKEN_FILE"] = Path.Combine(dataDirectory, "cli-session");
        info.Environment.Remove("EVIDENCEVAULT_TOKEN");
        info.Environment.Remove("EVIDENCEVAULT_STATION_KEY");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Starts a long-running command (<c>serve</c>); its output is drained so a chatty process never blocks on a full pipe.</summary>
    public static Process Start(string dataDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Start(dataDirectory, environment, _ => { }, args);

    /// <summary>Starts the process and hands each line it writes to standard error to <paramref name="onError"/>.</summary>
    public static Process Start(string dataDirectory, IReadOnlyDictionary<string, string>? environment, Action<string> onError, params string[] args)
    {
        var process = Process.Start(StartInfo(dataDirectory, environment, args))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                onError(text);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<CliResult> RunAsync(string dataDirectory, params string[] args) =>
        await RunAsync(dataDirectory, null, args);

    public static Task<CliResult> RunAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunWithInputAsync(dataDirectory, environment, null, args);

    /// <summary>Runs with <paramref name="input"/> on standard input (passwords never go on the command line).</summary>
    public static async Task<CliResult> RunWithInputAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment, string? input, params string[] args)
    {
        var info = StartInfo(dataDirectory, environment, args);
        info.RedirectStandardInput = input is not null;
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
