namespace EvidenceVault.Application.Custody;

/// <summary>
/// Write-once storage for signed custody checkpoints, kept in the vault beside the originals so that someone who can
/// rewrite the catalog cannot rewrite what the checkpoints state. Names sort in the order the checkpoints were cut.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="name"/>, never overwriting: true when it was created,
    /// false when the same bytes were already there; throws <see cref="CheckpointConflictException"/> when other bytes are.
    /// </summary>
    Task<bool> PutCheckpointAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Every stored checkpoint's name, in ordinal order (oldest first).</summary>
    Task<IReadOnlyList<string>> ListCheckpointsAsync(CancellationToken cancellationToken);

    /// <summary>A stored checkpoint's bytes, or null when there is none of that name.</summary>
    Task<byte[]?> ReadCheckpointAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A checkpoint of that name is already stored with other content; it is kept, never replaced.</summary>
public sealed class CheckpointConflictException(string name)
    : Exception($"A different checkpoint is already stored as '{name}'; stored checkpoints are never replaced.")
{
    public string Name { get; } = name;
}

/// <summary>The names checkpoints are stored under: log size then time, zero-padded so ordinal order is cut order.</summary>
public static class CheckpointNames
{
    private const string Extension = ".checkpoint";

    public static string For(long size, DateTimeOffset time) =>
        FormattableString.Invariant($"{size:D19}-{time.UtcDateTime:yyyyMMddTHHmmssZ}{Extension}");

    /// <summary>True for a name a store may hold: letters, digits, dots, dashes and underscores, nothing that walks a path.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 128 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
