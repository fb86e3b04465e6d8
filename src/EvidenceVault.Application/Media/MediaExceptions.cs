namespace EvidenceVault.Application.Media;

/// <summary>A media tool (ffmpeg, ffprobe) failed; carries the exit code and the end of its error output.</summary>
public class MediaToolException : Exception
{
    public MediaToolException(string tool, string message, int? exitCode, string? errorTail, Exception? innerException = null)
        : base(message, innerException)
    {
        Tool = tool;
        ExitCode = exitCode;
        ErrorTail = errorTail;
    }

    public string Tool { get; }

    public int? ExitCode { get; }

    public string? ErrorTail { get; }
}

/// <summary>The input is not readable media: truncated, corrupt, or not media at all.</summary>
public sealed class MediaUnreadableException(string tool, string message, int? exitCode, string? errorTail, Exception? innerException = null)
    : MediaToolException(tool, message, exitCode, errorTail, innerException);

/// <summary>A media tool ran longer than its time budget and was stopped.</summary>
public sealed class MediaToolTimeoutException(string tool, TimeSpan timeout, Exception? innerException = null)
    : MediaToolException(tool, $"{tool} did not finish within {timeout.TotalSeconds:0} s and was stopped.", null, null, innerException);

/// <summary>The media tool is not installed or cannot start.</summary>
public sealed class MediaToolMissingException(string tool, string message, Exception? innerException = null)
    : MediaToolException(tool, message, null, null, innerException);
