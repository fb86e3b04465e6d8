using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Binds a named parameter (<c>@name</c>, which both SQLite and Npgsql understand) on either provider.</summary>
internal static class CatalogParameters
{
    public static void AddWithValue(this DbParameterCollection parameters, string name, object? value)
    {
        // Flags are stored as 0/1 integers on both (SQLite has no boolean type).
        var bound = value switch
        {
            null => DBNull.Value,
            bool flag => flag ? 1L : 0L,
            _ => value,
        };
        switch (parameters)
        {
            case SqliteParameterCollection sqlite:
                sqlite.AddWithValue(name, bound);
                break;
            case NpgsqlParameterCollection postgres:
                postgres.AddWithValue(name, bound);
                break;
            default:
                throw new NotSupportedException($"No catalog binding for {parameters.GetType().Name}.");
        }
    }
}
