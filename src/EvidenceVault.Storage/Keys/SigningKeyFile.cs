using System.Text;
using EvidenceVault.Application.Signing;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Keys;

/// <summary>
/// The vault signing key as a PKCS#8 PEM file outside the catalog, created at first use with the configured algorithm.
/// An existing file keeps its own algorithm: changing the option later never replaces a key. Rotation stages the new
/// key beside it (<c>.next</c>, mode 0400), keeps the old one as <c>&lt;name&gt;.&lt;key id&gt;.retired</c>, then renames
/// the new one into place: a crash at any step leaves a usable key, and running the rotation again finishes it.
/// </summary>
public sealed class SigningKeyFile(string path, SignatureAlgorithm algorithm) : IEvidenceSigner, ISigningKeyRotation
{
    private readonly Lock _gate = new();
    private IEvidenceSigner? _current;

    public EvidencePublicKey PublicKey => Current.PublicKey;

    private IEvidenceSigner Current
    {
        get
        {
            lock (_gate)
            {
                return _current ??= Load(path, () => EvidenceSignatures.NewPrivateKeyPem(algorithm));
            }
        }
    }

    public byte[] Sign(ReadOnlySpan<byte> message) => Current.Sign(message);

    public async Task<IEvidenceSigner> RotateAsync(Func<IEvidenceSigner, IEvidenceSigner, Task> record, CancellationToken cancellationToken)
    {
        var previous = Current;
        var staged = path + ".next";
        var next = Load(staged, () => EvidenceSignatures.NewPrivateKeyPem(previous.PublicKey.Algorithm));
        cancellationToken.ThrowIfCancellationRequested();
        await record(previous, next);

        var retired = $"{path}.{previous.PublicKey.KeyId}.retired";
        if (!File.Exists(retired))
        {
            File.Copy(path, retired);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(retired, UnixFileMode.UserRead);
            }
        }

        File.Move(staged, path, overwrite: true);
        Durability.Sync(Path.GetDirectoryName(Path.GetFullPath(path))!);
        lock (_gate)
        {
            _current = next;
        }

        return next;
    }

    private static IEvidenceSigner Load(string file, Func<string> create) =>
        EvidenceSignatures.SignerFromPem(Encoding.ASCII.GetString(KeyFiles.LoadOrCreate(file, () => Encoding.ASCII.GetBytes(create()))));
}
