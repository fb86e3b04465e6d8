using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using EvidenceVault.Application.Media;

namespace EvidenceVault.Media.FFmpeg;

/// <summary>What a finished tool run left behind.</summary>
internal sealed record ToolResult(int ExitCode, IReadOnlyList<string> OutputHead, IReadOnlyList<string> ErrorTail);

/// <summary>
/// Runs ffmpeg with an argument list (never a shell, never one quoted string), drains both pipes while it
/// runs, and kills it on timeout or cancellation. FFMpegCore is not used for ffmpeg runs because it joins
/// arguments into one string with "..." around paths, which cannot carry every legal file name.
/// </summary>
internal static class ToolProcess
{
    private const int KeptOutputLines = 50;
    private const int KeptErrorLines = 20;
    private const int MaxLineLength = 1000;

    public static async Task<ToolResult> RunAsync(
        string tool, string executable, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new MediaToolMissingException(tool, $"{tool} could not be started from '{executable}': {ex.Message}", ex);
        }

        // ffmpeg must never wait for keyboard input; -nostdin is passed too, this is belt and braces.
        process.StandardInput.Close();
        var outputHead = DrainAsync(process.StandardOutput, KeptOutputLines, keepFirst: true);
        var errorTail = DrainAsync(process.StandardError, KeptErrorLines, keepFirst: false);

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(budget.Token);
        }
        catch (OperationCanceledException ex)
        {
            // The output is a temp file the caller throws away, so an immediate kill is fine.
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(outputHead, errorTail);
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"{tool} was cancelled.", ex, cancellationToken);
            }

            throw new MediaToolTimeoutException(tool, timeout, ex);
        }

        return new ToolResult(process.ExitCode, await outputHead, await errorTail);
    }

    /// <summary>The last few error lines, joined for an exception's ErrorTail.</summary>
    public static string? Tail(IEnumerable<string>? lines, int count = 3)
    {
        var kept = (lines ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(count).ToList();
        return kept.Count == 0 ? null : string.Join('\n', kept);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the timeout and the kill.
        }
    }

    // Keeps either the first or the last lines only, so a chatty tool cannot grow memory without bound.
    private static async Task<IReadOnlyList<string>> DrainAsync(StreamReader reader, int keep, bool keepFirst)
    {
        var lines = new Queue<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            if (keepFirst && lines.Count >= keep)
            {
                continue;
            }

            lines.Enqueue(line.Length > MaxLineLength ? line[..MaxLineLength] : line);
            if (lines.Count > keep)
            {
                lines.Dequeue();
            }
        }

        return [.. lines];
    }
}
