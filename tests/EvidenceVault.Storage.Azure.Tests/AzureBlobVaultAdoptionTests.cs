using System.Runtime.Versioning;
using EvidenceVault.Application.Vault;
using EvidenceVault.Testing.Vault;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Storage.Azure.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class AzureBlobVaultAdoptionTests : VaultAdoptionContractTests, IClassFixture<AzuriteContainer>
{
    public AzureBlobVaultAdoptionTests(AzuriteContainer azurite) =>
        Vault = new AzureBlobVault(new AzureVaultOptions { ConnectionString = azurite.ConnectionString, Container = azurite.Name, MaxRetries = 2 }, TimeProvider.System);

    protected override IVault Vault { get; }

    [Fact]
    public async Task AdoptOriginalAsync_LocalReceivedFile_UploadedOnceAndSaysWhy()
    {
        var adoption = await Vault.AdoptOriginalAsync(Receive(RandomBytes(5_000)), Ct);

        Assert.Equal(AdoptionMethod.Copied, adoption.Method);
        Assert.Contains("not in this storage account", adoption.Note, StringComparison.Ordinal);
    }
}
