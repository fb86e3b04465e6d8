using System.Diagnostics;
using EvidenceVault.Application.Vault;
using EvidenceVault.Testing.Azure;
using EvidenceVault.Testing.Vault;
using Polly.CircuitBreaker;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Storage.Azure.Tests;

/// <summary>Storage that cannot be reached: nothing listens on 127.0.0.1:1.</summary>
public sealed class AzureBlobVaultUnavailableTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly VaultTestFiles files = new();

    private readonly AzureBlobVault vault = new(
        new AzureVaultOptions
        {
            ConnectionString = AzuriteAccount.Unreachable,
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            NetworkTimeout = TimeSpan.FromSeconds(2),
        },
        TimeProvider.System);

    [Fact]
    public async Task PutOriginalAsync_UnreachableEndpoint_ThrowsUnavailableWithinBoundAndKeepsStaged()
    {
        var bytes = RandomBytes(1_000);
        var staged = files.Stage(bytes);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<VaultUnavailableException>(() => vault.PutOriginalAsync(DigestOf(bytes), staged, CancellationToken.None));

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.True(File.Exists(staged.Path), "the staged copy must survive a failed put");
    }

    [Fact]
    public async Task ReadMethods_UnreachableEndpoint_ThrowUnavailableNotAzureExceptions()
    {
        var digest = DigestOf(RandomBytes(16));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<VaultUnavailableException>(() => vault.GetOriginalInfoAsync(digest, CancellationToken.None));
        await Assert.ThrowsAsync<VaultUnavailableException>(() => vault.OpenOriginalAsync(digest, CancellationToken.None));
        await Assert.ThrowsAsync<VaultUnavailableException>(() => vault.CheckoutOriginalAsync(digest, CancellationToken.None));
        await Assert.ThrowsAsync<VaultUnavailableException>(() => vault.OpenDerivativeAsync(digest, DerivativeKind.Proxy, CancellationToken.None));

        Assert.True(clock.Elapsed < 4 * Bound, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task GetOriginalInfoAsync_RepeatedFailures_CircuitOpensAndFailsFast()
    {
        var digest = DigestOf(RandomBytes(16));
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Assert.ThrowsAsync<VaultUnavailableException>(() => vault.GetOriginalInfoAsync(digest, CancellationToken.None));
        }

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<VaultUnavailableException>(() => vault.GetOriginalInfoAsync(digest, CancellationToken.None));

        Assert.IsType<BrokenCircuitException>(error.InnerException);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"an open circuit must not touch the network; took {clock.Elapsed}");
    }

    public void Dispose() => files.Dispose();
}
