using System.Globalization;
using Npgsql;

namespace EvidenceVault.Storage.Catalog;

/// <summary>
/// <c>postgres://user:password@host:port/database?sslmode=require&amp;search_path=ev</c>, the URL form libpq and most
/// tools accept, turned into an Npgsql connection string. Query keys are libpq's or Npgsql's own.
/// </summary>
public static class PostgresCatalogUrl
{
    private static readonly Dictionary<string, string> LibpqKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["search_path"] = "Search Path",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
    };

    public static bool IsUrl(string catalog) =>
        catalog.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || catalog.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string for <paramref name="url"/>, for tools that connect on their own.</summary>
    public static string ConnectionString(string url) => Parse(url).ConnectionString;

    internal static NpgsqlConnectionStringBuilder Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{Redact(url)}' is not a PostgreSQL URL; expected postgres://user[:password]@host[:port]/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
        };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] rest && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
            builder.Password = rest.Length == 2 ? Uri.UnescapeDataString(rest[1]) : null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (pair, string.Empty);
            try
            {
                builder[LibpqKeys.GetValueOrDefault(key, key)] = value;
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"The PostgreSQL URL option '{key}={value}' is not understood: {e.Message}", e);
            }
        }

        return builder;
    }

    /// <summary>The URL with its password replaced, safe for logs and reports.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? url.Replace(uri.UserInfo, uri.UserInfo.Split(':', 2)[0] + ":***", StringComparison.Ordinal)
            : url;

    internal static string Describe(NpgsqlConnectionStringBuilder builder) =>
        string.Create(CultureInfo.InvariantCulture, $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}")
        + (string.IsNullOrEmpty(builder.SearchPath) ? string.Empty : $"?search_path={builder.SearchPath}");
}
