using Azure.Storage.Blobs;

namespace EvidenceVault.Storage.Azure.Tests;

/// <summary>
/// A fresh container on Azurite for one test class. Creating it talks to Azurite at once, so every
/// test fails (never skips) when the emulator is not running.
/// </summary>
public sealed class AzuriteContainer : IAsyncLifetime
{
    public const string ConnectionVariable = "EVIDENCEVAULT_AZURITE_CONNECTION";

    public string ConnectionString { get; } =
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    public string Name { get; } = $"vault-tests-{Guid.NewGuid():N}"[..30];

    public BlobContainerClient Client => new BlobServiceClient(ConnectionString).GetBlobContainerClient(Name);

    public async Task InitializeAsync() => await Client.CreateAsync();

    public async Task DisposeAsync() => await Client.DeleteIfExistsAsync();
}
