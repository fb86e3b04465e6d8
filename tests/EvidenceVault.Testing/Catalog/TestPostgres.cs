using EvidenceVault.Storage.Catalog;
using Npgsql;

namespace EvidenceVault.Testing.Catalog;

/// <summary>
/// A fresh, empty schema on the test PostgreSQL server (<c>tools/test.sh</c> starts one and names it in
/// <see cref="Variable"/>); <see cref="Url"/> is a catalog URL confined to that schema. Dropped on dispose.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    public const string Variable = "EVIDENCEVAULT_TEST_POSTGRES";

    private readonly string _server;

    public TestPostgres()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"PostgreSQL tests need a server: set {Variable}=postgres://user@host:port/database (tools/test.sh starts a throw-away one).");
        Schema = "t_" + Guid.NewGuid().ToString("N")[..20];
        Execute(_server, $"CREATE SCHEMA {Schema}");
        Url = _server + (_server.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "search_path=" + Schema;
    }

    public string Schema { get; }

    /// <summary>The catalog URL of this schema, for <c>--catalog</c> or <c>CatalogDatabase.Open</c>.</summary>
    public string Url { get; }

    /// <summary>Runs SQL in this schema behind the application's back (tampering, inspecting).</summary>
    public void Execute(string sql) => Execute(Url, sql);

    /// <summary>The first column of every row a query returns, in this schema.</summary>
    public IReadOnlyList<object> Query(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresCatalogUrl.ConnectionString(Url));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }

    public void Dispose() => Execute(_server, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");

    private static void Execute(string url, string sql)
    {
        // Pooling off: a dropped schema must not leave idle connections behind on the shared server.
        using var connection = new NpgsqlConnection(PostgresCatalogUrl.ConnectionString(url) + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
