using System.Globalization;

namespace EvidenceVault.Testing.Azure;

/// <summary>Azurite's documented, public development account, as connection strings for a port of the tests' choosing.</summary>
public static class AzuriteAccount
{
    public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Storage that cannot be reached: nothing listens on 127.0.0.1:1, so every call fails fast with a refused connection.</summary>
    public static readonly string Unreachable = ConnectionString(1);

    public static string ConnectionString(int port) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + $"AccountKey={Key};"
        + $"BlobEndpoint=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;";
}
