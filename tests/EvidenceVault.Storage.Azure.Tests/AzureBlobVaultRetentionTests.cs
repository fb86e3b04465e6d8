using System.Runtime.Versioning;
using EvidenceVault.Application.Vault;
using EvidenceVault.Testing.Vault;

namespace EvidenceVault.Storage.Azure.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class AzureBlobVaultRetentionTests : VaultRetentionContractTests, IClassFixture<AzuriteContainer>
{
    public AzureBlobVaultRetentionTests(AzuriteContainer azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Vault = new AzureBlobVault(
            new AzureVaultOptions
            {
                ConnectionString = azurite.ConnectionString,
                Container = azurite.Name,
                CheckoutDirectory = Path.Combine(Files.StagingDirectory, "checkout"),
                MaxRetries = 2,
                RetryDelay = TimeSpan.FromMilliseconds(100),
            },
            TimeProvider.System);
    }

    protected override IVault Vault { get; }

    [Fact]
    public async Task DescribeEnforcementAsync_Azurite_DetectsMissingLegalHoldAndFallsBack()
    {
        var description = await Retention.DescribeEnforcementAsync(Ct);

        Assert.Contains("501", description, StringComparison.Ordinal);
        Assert.Contains("falling back", description, StringComparison.Ordinal);
    }
}
