using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Catalog;
using Npgsql;

namespace EvidenceVault.Storage.Tests.Catalog;

public sealed class PostgresCatalogUrlTests
{
    [Fact]
    public void ConnectionString_FullUrl_EveryPartMapped()
    {
        var parsed = new NpgsqlConnectionStringBuilder(PostgresCatalogUrl.ConnectionString("postgres://ev%40ops:s3cr%3At@db.local:6543/evidence?sslmode=require&search_path=ev"));

        Assert.Equal(("db.local", 6543, "evidence", "ev@ops", "s3cr:t", SslMode.Require, "ev"), (parsed.Host, parsed.Port, parsed.Database, parsed.Username, parsed.Password, parsed.SslMode, parsed.SearchPath));
    }

    [Fact]
    public void ConnectionString_NoPortNoDatabaseNoPassword_Defaults()
    {
        var parsed = new NpgsqlConnectionStringBuilder(PostgresCatalogUrl.ConnectionString("postgresql://ev@db.local"));

        Assert.Equal((5432, "postgres", "ev", (string?)null), (parsed.Port, parsed.Database, parsed.Username, parsed.Password));
    }

    [Theory]
    [InlineData("postgres://")]
    [InlineData("postgres://db.local/ev?no_such_option=1")]
    public void ConnectionString_Malformed_FormatErrorWithoutThePassword(string url)
    {
        var error = Assert.Throws<FormatException>(() => PostgresCatalogUrl.ConnectionString(url));

        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_UrlWithPassword_PasswordNotShown()
    {
        using var database = (PostgresCatalogDatabase)CatalogDatabase.Open("postgres://ev:s3cret@db.local:6543/evidence");

        Assert.Equal("postgres://ev@db.local:6543/evidence", database.Location);
    }

    [Fact]
    public void Open_PathOrUrl_PicksTheEngine()
    {
        Assert.IsType<SqliteCatalogDatabase>(CatalogDatabase.Open(Path.Combine(Path.GetTempPath(), "ev-open", "catalog.db")));
        using var postgres = Assert.IsType<PostgresCatalogDatabase>(CatalogDatabase.Open("postgres://ev@db.local/evidence"));
    }

    [Fact]
    public async Task Open_NothingListening_CatalogUnavailableNamingTheCatalog()
    {
        using var database = (PostgresCatalogDatabase)CatalogDatabase.Open("postgres://ev:s3cret@127.0.0.1:1/evidence");

        var error = await Assert.ThrowsAsync<CatalogUnavailableException>(() => new SqlCatalog(database).FindAsync(RecordingId.For(Sha256Digest.FromBytes(new byte[32])), CancellationToken.None));

        Assert.Contains("postgres://ev@127.0.0.1:1/evidence cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }
}
