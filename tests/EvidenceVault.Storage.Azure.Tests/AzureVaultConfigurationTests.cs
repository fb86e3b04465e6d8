using EvidenceVault.Application.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Storage.Azure.Tests;

public sealed class AzureVaultConfigurationTests
{
    [Fact]
    public void Parse_ContainerOnly_UsesDefaultConnectionVariable()
    {
        var uri = AzureVaultUri.Parse("azure://evidence");

        Assert.Equal(new AzureVaultUri("evidence", AzureVaultUri.DefaultConnectionVariable), uri);
        Assert.Equal("azure://evidence", uri.ToString());
    }

    [Fact]
    public void Parse_ConnectionFromNamedVariable_KeepsVariableName()
    {
        var uri = AzureVaultUri.Parse("azure://case-files?connection=env:MY_STORAGE");

        Assert.Equal(new AzureVaultUri("case-files", "MY_STORAGE"), uri);
        Assert.Equal("azure://case-files?connection=env:MY_STORAGE", uri.ToString());
    }

    [Theory]
    [InlineData("local:/data")]
    [InlineData("azure://")]
    [InlineData("azure://Evidence")]
    [InlineData("azure://ev")]
    [InlineData("azure://evidence?connection=UseDevelopmentStorage=true")]
    [InlineData("azure://evidence?connection=env:")]
    public void Parse_Malformed_ThrowsFormatException(string value)
    {
        Assert.Throws<FormatException>(() => AzureVaultUri.Parse(value));
        Assert.False(AzureVaultUri.TryParse(value, out _));
    }

    [Fact]
    public void ToOptions_VariableSet_TakesConnectionStringAndContainer()
    {
        var options = AzureVaultUri.Parse("azure://evidence").ToOptions(name =>
            name == AzureVaultUri.DefaultConnectionVariable ? "UseDevelopmentStorage=true" : null);

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal("evidence", options.Container);
        Assert.Equal(AzureChecksumAlgorithm.Md5, options.ChecksumAlgorithm);
    }

    [Fact]
    public void ToOptions_VariableMissing_ThrowsNamingTheVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AzureVaultUri.Parse("azure://evidence?connection=env:NOPE").ToOptions(_ => null));

        Assert.Contains("NOPE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureBlobVault_Md5WithBlocksOver4MiB_Refused()
    {
        var options = new AzureVaultOptions { ConnectionString = "UseDevelopmentStorage=true", BlockSize = 8 * 1024 * 1024 };

        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAzureBlobVault(options));
    }

    [Fact]
    public void AddAzureBlobVault_Resolved_DescribesContainerWithoutSecrets()
    {
        var options = new AzureVaultOptions { ConnectionString = "UseDevelopmentStorage=true", Container = "evidence" };
        using var provider = new ServiceCollection().AddAzureBlobVault(options).BuildServiceProvider();

        var vault = provider.GetRequiredService<IVault>();

        Assert.IsType<AzureBlobVault>(vault);
        Assert.Equal("azure:evidence", vault.Description);
        Assert.DoesNotContain("UseDevelopmentStorage", options.ToString(), StringComparison.Ordinal);
    }
}
