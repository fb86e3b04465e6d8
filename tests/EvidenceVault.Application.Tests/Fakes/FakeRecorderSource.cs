using EvidenceVault.Application.Sources;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>An in-memory recorder whose files can fail to read or keep growing.</summary>
public sealed class FakeRecorderSource : IRecorderSource, IRecorderSourceFactory
{
    private static readonly DateTimeOffset Written = new(2025, 3, 1, 1, 0, 0, TimeSpan.Zero);

    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Unreadable { get; } = [];

    public HashSet<string> Growing { get; } = [];

    public List<string> Deleted { get; } = [];

    public string Location => "fake://recorder";

    public IRecorderSource Open(string location) => this;

    public async IAsyncEnumerable<SourceEntry> EnumerateAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (path, bytes) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            yield return new SourceEntry(path, SourceEntryType.File, bytes.Length, Written);
        }

        await Task.CompletedTask;
    }

    /// <summary>Runs as a file is opened, before any byte is copied (e.g. to break the staging folder).</summary>
    public Action<string>? OnOpen { get; set; }

    public Task<Stream> OpenReadAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        OnOpen?.Invoke(entry.RelativePath);
        if (Unreadable.Contains(entry.RelativePath))
        {
            throw new IOException("Input/output error");
        }

        var bytes = Files[entry.RelativePath];
        if (Growing.Contains(entry.RelativePath))
        {
            Files[entry.RelativePath] = [.. bytes, .. new byte[100]];
        }

        return Task.FromResult<Stream>(new MemoryStream(bytes));
    }

    public Task<SourceEntry> RefreshAsync(SourceEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult(entry with { Length = Files[entry.RelativePath].Length });

    public Task DeleteAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        Deleted.Add(entry.RelativePath);
        Files.Remove(entry.RelativePath);
        return Task.CompletedTask;
    }
}
