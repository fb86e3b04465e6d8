using EvidenceVault.Application.Vault;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>A vault health that reports whatever the test sets; available until told otherwise.</summary>
public sealed class FakeVaultHealth : IVaultHealth
{
    public VaultHealth Current { get; set; } = VaultHealth.Ok;

    public Task<VaultHealth> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(Current);
}
