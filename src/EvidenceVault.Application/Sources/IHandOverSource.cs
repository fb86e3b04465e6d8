using EvidenceVault.Application.Vault;

namespace EvidenceVault.Application.Sources;

/// <summary>
/// A source whose files are already complete and hashed (a finished upload): the ingest takes them over as they are
/// (the vault adopts the bytes) instead of copying them into staging and hashing them a second time. The checks,
/// catalog write, custody and linking are the same as for a docked file.
/// </summary>
public interface IHandOverSource : IRecorderSource
{
    /// <summary>The staged bytes of <paramref name="entry"/>, or null when it must be copied like any source file.</summary>
    IStagedObject? HandOver(SourceEntry entry);

    /// <summary>Told how the vault took the bytes over, so the source can put it in its own custody details.</summary>
    void Adopted(SourceEntry entry, VaultAdoption adoption);
}
