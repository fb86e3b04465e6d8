namespace EvidenceVault.Application.Vault;

/// <summary>A complete, fsynced file in the application's local staging area, ready to hand to the vault.</summary>
public sealed record StagedFile(string Path, long Length);
