namespace EvidenceVault.Storage.Azure;

/// <summary>
/// A vault address as given on the command line: <c>azure://&lt;container&gt;</c>, optionally
/// <c>?connection=env:NAME</c> to name the variable holding the connection string. The secret itself
/// never appears in the address, so addresses are safe to log.
/// </summary>
public sealed record AzureVaultUri(string Container, string ConnectionVariable)
{
    public const string Scheme = "azure";

    public const string DefaultConnectionVariable = "EVIDENCEVAULT_AZURE_CONNECTION";

    public static AzureVaultUri Parse(string value) =>
        TryParse(value, out var uri, out var error) ? uri : throw new FormatException(error);

    public static bool TryParse(string? value, out AzureVaultUri uri) => TryParse(value, out uri, out _);

    public AzureVaultOptions ToOptions(Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        var connection = readVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException(
                $"The Azure vault '{this}' needs a connection string in the environment variable {ConnectionVariable}.");
        }

        return new AzureVaultOptions { ConnectionString = connection, Container = Container };
    }

    public override string ToString() => ConnectionVariable == DefaultConnectionVariable
        ? $"{Scheme}://{Container}"
        : $"{Scheme}://{Container}?connection=env:{ConnectionVariable}";

    /// <summary>Azure's rule: 3 to 63 of lowercase letters, digits and single inner hyphens.</summary>
    internal static bool IsValidContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);

    private static bool TryParse(string? value, out AzureVaultUri uri, out string error)
    {
        uri = null!;
        var prefix = $"{Scheme}://";
        if (value is null || !value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{value}' is not an Azure vault address; expected {prefix}<container>[?connection=env:NAME].";
            return false;
        }

        var rest = value[prefix.Length..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var container = (query < 0 ? rest : rest[..query]).TrimEnd('/');
        if (!IsValidContainerName(container))
        {
            error = $"'{container}' is not a valid blob container name (3-63 lowercase letters, digits, hyphens).";
            return false;
        }

        var variable = DefaultConnectionVariable;
        if (query >= 0)
        {
            const string key = "connection=env:";
            var parameter = rest[(query + 1)..];
            if (!parameter.StartsWith(key, StringComparison.Ordinal) || parameter.Length == key.Length
                || !parameter[key.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                error = $"'{parameter}' is not understood; the only option is connection=env:NAME.";
                return false;
            }

            variable = parameter[key.Length..];
        }

        uri = new AzureVaultUri(container, variable);
        error = string.Empty;
        return true;
    }
}
