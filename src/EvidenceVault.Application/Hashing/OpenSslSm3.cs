using System.Runtime.InteropServices;

namespace EvidenceVault.Application.Hashing;

/// <summary>
/// SM3 through OpenSSL's libcrypto (the library .NET itself uses on Linux): about 3.5x faster than the
/// managed BouncyCastle digest on these machines. Null when libcrypto or its SM3 is not available.
/// </summary>
internal sealed partial class OpenSslSm3 : IDisposable
{
    private const string Library = "libcrypto.so.3";
    private IntPtr _context;

    private OpenSslSm3(IntPtr context) => _context = context;

    public static OpenSslSm3? TryCreate()
    {
        try
        {
            var algorithm = EVP_sm3();
            if (algorithm == IntPtr.Zero)
            {
                return null;
            }

            var context = EVP_MD_CTX_new();
            if (context == IntPtr.Zero || EVP_DigestInit_ex(context, algorithm, IntPtr.Zero) != 1)
            {
                EVP_MD_CTX_free(context);
                return null;
            }

            return new OpenSslSm3(context);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public void Append(ReadOnlySpan<byte> block)
    {
        if (EVP_DigestUpdate(_context, ref MemoryMarshal.GetReference(block), (nuint)block.Length) != 1)
        {
            throw new InvalidOperationException("OpenSSL SM3 update failed.");
        }
    }

    public void Finish(Span<byte> digest)
    {
        uint length = 0;
        if (EVP_DigestFinal_ex(_context, ref MemoryMarshal.GetReference(digest), ref length) != 1 || length != 32)
        {
            throw new InvalidOperationException("OpenSSL SM3 finalisation failed.");
        }
    }

    public void Dispose()
    {
        EVP_MD_CTX_free(_context);
        _context = IntPtr.Zero;
    }

#pragma warning disable SYSLIB1054 // Blittable signatures: DllImport needs no generated marshalling (and no unsafe code).
    [DllImport(Library)]
    private static extern IntPtr EVP_sm3();

    [DllImport(Library)]
    private static extern IntPtr EVP_MD_CTX_new();

    [DllImport(Library)]
    private static extern void EVP_MD_CTX_free(IntPtr context);

    [DllImport(Library)]
    private static extern int EVP_DigestInit_ex(IntPtr context, IntPtr type, IntPtr engine);

    [DllImport(Library)]
    private static extern int EVP_DigestUpdate(IntPtr context, ref byte data, nuint count);

    [DllImport(Library)]
    private static extern int EVP_DigestFinal_ex(IntPtr context, ref byte digest, ref uint length);
#pragma warning restore SYSLIB1054
}
