using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Vault;

/// <summary>
/// The default vault: content-addressed, write-once files under a root directory. Objects live only
/// at their exact key, so temp files left by a crash (<c>*.tmp-*</c>) are never taken for objects.
/// </summary>
public sealed partial class LocalFileVault : IVault, IVaultRetention, IVaultHealth, IVaultRedactions
{
    /// <summary>Large sequential reads: the vault is read front to back by hashers and uploaders.</summary>
    private const int ReadBufferSize = 1024 * 1024;

    private readonly string root;
    private readonly TimeProvider time;

    public LocalFileVault(LocalVaultOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Root, nameof(options));
        root = Path.GetFullPath(options.Root);
        this.time = time;
    }

    public string Description => $"local:{root}";

    /// <summary>A local disk has no outage to wait out: its failures are errors, reported where they happen.</summary>
    public VaultHealth Current => VaultHealth.Ok;

    public Task<VaultHealth> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(VaultHealth.Ok);

    public async Task<VaultPutOutcome> PutOriginalAsync(Sha256Digest digest, StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var target = PathOf(VaultKeys.Original(digest));
        return await Guard(digest, () => PublishAsync(staged, target, existing => CompareExistingAsync(digest, existing, cancellationToken), cancellationToken));
    }

    public async Task<VaultPutOutcome> PutDerivativeAsync(Sha256Digest original, DerivativeKind kind, StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var target = PathOf(VaultKeys.Derivative(original, kind));

        // Derivatives can be made again from the original, so an existing one is simply kept.
        return await Guard(original, () => PublishAsync(staged, target, _ => Task.FromResult(true), cancellationToken));
    }

    public Task ReplaceDerivativeAsync(Sha256Digest original, DerivativeKind kind, StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        cancellationToken.ThrowIfCancellationRequested();
        return Guard(original, () => Task.FromResult(Replace(staged, PathOf(VaultKeys.Derivative(original, kind)))));
    }

    public Task<VaultObjectInfo?> GetOriginalInfoAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(PathOf(VaultKeys.Original(digest)));
        return Task.FromResult(file.Exists ? new VaultObjectInfo(file.Length, digest) : null);
    }

    public Task<Stream> OpenOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Stream stream = OpenRead(PathOf(VaultKeys.Original(digest)), digest) ?? throw new VaultObjectMissingException(digest);
        return Task.FromResult(stream);
    }

    public Task<LocalCopy> CheckoutOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(VaultKeys.Original(digest));

        // The stored file is already local and read-only, so tools get it directly instead of a copy.
        return File.Exists(path)
            ? Task.FromResult(new LocalCopy(path, isTemporary: false))
            : throw new VaultObjectMissingException(digest);
    }

    public Task<Stream?> OpenDerivativeAsync(Sha256Digest original, DerivativeKind kind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Stream? stream = OpenRead(PathOf(VaultKeys.Derivative(original, kind)), original);
        return Task.FromResult(stream);
    }

    private string PathOf(string key) => Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));

    private static FileStream? OpenRead(string path, Sha256Digest digest)
    {
        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = ReadBufferSize,
                Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VaultException($"Could not open the vault object for {digest}: {e.Message}", e);
        }
    }

    /// <summary>True when the file already stored under <paramref name="digest"/> still hashes to it.</summary>
    private static async Task<bool> CompareExistingAsync(Sha256Digest digest, string existing, CancellationToken cancellationToken)
    {
        var actual = await HashFileAsync(existing, cancellationToken);
        return actual == digest.Hex ? true : throw new VaultIntegrityException(digest, actual);
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        // Whole 1 MiB blocks straight to the hash (SHA256.HashDataAsync copies out of the stream 4 KiB at a time).
        await using var stream = OpenRead(path, default) ?? throw new FileNotFoundException("Vault object vanished while comparing.", path);
        return (await StreamHasher.HashAsync(stream, null, null, cancellationToken)).Sha256.Hex;
    }

    /// <summary>Vault failures pass through; filesystem failures become <see cref="VaultException"/>.</summary>
    private static async Task<T> Guard<T>(Sha256Digest digest, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VaultException($"The local vault could not store an object for {digest}: {e.Message}", e);
        }
    }
}
