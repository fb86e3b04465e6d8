using EvidenceVault.Cli.Tests.Support;
using EvidenceVault.Testing.Catalog;

namespace EvidenceVault.Cli.Tests;

/// <summary><c>--catalog</c>: a PostgreSQL URL instead of the data folder's SQLite file, and clear errors when it is wrong.</summary>
public sealed class CatalogOptionTests : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Catalog_PostgresUrl_UsersLiveInPostgresAndNoSqliteFileIsMade()
    {
        using var postgres = new TestPostgres();

        var added = await CliRunner.RunAsync(_ws.Data, "--catalog", postgres.Url, "users", "add", "admin", "--display-name", "管理员", "--role", "administrator");
        var listed = await new Sessions(_ws.Data, new Dictionary<string, string> { ["EVIDENCEVAULT_CATALOG"] = postgres.Url }).RunAsync("admin", "users", "list", "--json");

        Assert.True(added.ExitCode == 0, added.StandardError);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("管理员", listed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal([(object)"admin"], postgres.Query("SELECT name FROM users"));
        Assert.False(File.Exists(Path.Combine(_ws.Data, "catalog.db")));
    }

    [Theory]
    [InlineData("postgres://ev:s3cret@127.0.0.1:1/evidence", "postgres://ev@127.0.0.1:1/evidence cannot be reached", 7)]
    [InlineData("postgres://ev:s3cret@127.0.0.1:1/evidence?no_such_option=1", "option 'no_such_option=1' is not understood", 2)]
    public async Task Catalog_Unreachable_Or_Malformed_UnavailableOrUsageWithReasonAndNoSecret(string url, string reason, int exit)
    {
        var result = await CliRunner.RunAsync(_ws.Data, "--catalog", url, "recordings", "list");

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(reason, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }
}
