namespace EvidenceVault.Storage.Vault;

/// <summary>Where the filesystem vault keeps its objects.</summary>
/// <param name="Root">The vault's root directory; created on first write.</param>
public sealed record LocalVaultOptions(string Root);
