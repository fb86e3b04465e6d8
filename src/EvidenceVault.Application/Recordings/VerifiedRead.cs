namespace EvidenceVault.Application.Recordings;

/// <summary>
/// The outcome of one re-hash and, when it proved the bytes intact, the handle they were read through, so a caller can
/// hand out exactly those bytes without a copy. Disposing it closes any handle not taken.
/// </summary>
public sealed class VerifiedRead(FixityResult result, Stream? content) : IAsyncDisposable
{
    private Stream? content = content;

    public FixityResult Result { get; } = result;

    /// <summary>
    /// Takes the intact bytes rewound to their start: the stored handle itself when it can seek, else the copy written
    /// while hashing. Null when the bytes did not verify.
    /// </summary>
    public Stream? TakeContent()
    {
        if (Result.State is not FixityState.Intact || content is null)
        {
            return null;
        }

        var taken = content;
        content = null;
        taken.Position = 0;
        return taken;
    }

    /// <summary>Closes the stored handle and a spool copy unless one of them is the <paramref name="kept"/> one; a lent copy is the lender's.</summary>
    internal static async ValueTask CloseUnkeptAsync(Stream? stored, Stream? ownCopy, Stream? kept)
    {
        foreach (var stream in new[] { stored, ownCopy })
        {
            if (stream is not null && !ReferenceEquals(stream, kept))
            {
                await stream.DisposeAsync();
            }
        }
    }

    public ValueTask DisposeAsync() => content?.DisposeAsync() ?? ValueTask.CompletedTask;
}
