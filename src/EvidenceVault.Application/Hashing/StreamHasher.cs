using System.Buffers;
using System.Security.Cryptography;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Hashing;

/// <summary>How many bytes a stream held and their SHA-256.</summary>
public sealed record HashedStream(long Length, Sha256Digest Sha256);

/// <summary>
/// The one read-and-hash loop for every way out of the vault (verify, fixity, retrieval, export): pooled
/// 1 MiB blocks, each hashed and, when asked, written on, so memory stays flat in the file size.
/// </summary>
public static class StreamHasher
{
    public static async Task<HashedStream> HashAsync(Stream source, Stream? copyTo, ByteBudget? budget, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(HashingCopier.BlockSize);
        try
        {
            long length = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, HashingCopier.BlockSize), cancellationToken)) > 0)
            {
                sha256.AppendData(buffer, 0, read);
                if (copyTo is not null)
                {
                    await copyTo.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                length += read;
                if (budget is not null)
                {
                    await budget.SpendAsync(read, cancellationToken);
                }
            }

            return new HashedStream(length, Sha256Digest.FromBytes(sha256.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
