namespace EvidenceVault.Domain.Ingestion;

/// <summary>Checks a source file's relative path for names that need care (they never reach a shell or a vault path).</summary>
public static class SourceNameCheck
{
    public const int MaxPathLength = 1024;

    public static IEnumerable<Reason> Check(string relativePath)
    {
        if (relativePath.Any(c => char.IsControl(c) || c == '\uFFFD'))
        {
            yield return new Reason(
                ReasonCodes.UnsafeName,
                "The file name holds control characters or bytes that are not valid UTF-8; it was stored under its content hash and the name kept as text.");
        }

        if (relativePath.Length > MaxPathLength)
        {
            yield return new Reason(
                ReasonCodes.NameTooLong,
                $"The path has {relativePath.Length} characters (more than {MaxPathLength}); the bytes were stored under their content hash.");
        }
    }
}
