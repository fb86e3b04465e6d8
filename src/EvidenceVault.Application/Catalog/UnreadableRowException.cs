namespace EvidenceVault.Application.Catalog;

/// <summary>
/// A catalog row holds a value no program version writes (a time that is no time, a number in a text column): only an
/// edit behind the application makes one. Names the table and the row's key so that <c>audit verify</c> reports it.
/// </summary>
public sealed class UnreadableRowException(string table, string key, Exception innerException)
    : Exception($"The {table} row {key} cannot be read: {innerException.Message}", innerException)
{
    public string Table { get; } = table;

    public string Key { get; } = key;
}
