namespace EvidenceVault.Application.Vault;

/// <summary>A complete, fsynced file in the application's local staging area, ready to hand to the vault.</summary>
public sealed record StagedFile(string Path, long Length)
{
    /// <summary>Every vault checks this before storing: a staged file that is gone or changed size is never stored.</summary>
    public void EnsureComplete()
    {
        var file = new FileInfo(Path);
        if (!file.Exists)
        {
            throw new VaultException($"The staged file '{Path}' does not exist.");
        }

        if (file.Length != Length)
        {
            throw new VaultException($"The staged file '{Path}' has {file.Length} bytes, but {Length} were staged; refusing to store it.");
        }
    }
}
