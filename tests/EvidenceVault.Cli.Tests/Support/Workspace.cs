using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Cli.Tests.Support;

/// <summary>A recorder folder and a data folder for one test, removed afterwards.</summary>
public sealed class Workspace : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ev-cli-").FullName;

    public Workspace()
    {
        Recorder = Directory.CreateDirectory(Path.Combine(_root, "recorder")).FullName;
        Data = Path.Combine(_root, "data");
    }

    public string Recorder { get; }

    public string Data { get; }

    public string Root => _root;

    public string VaultOriginals => Path.Combine(Data, "vault", "originals");

    public string Put(string relativePath, string sourceFile)
    {
        var path = PathOf(relativePath);
        File.Copy(sourceFile, path);
        return path;
    }

    public string Write(string relativePath, byte[] content)
    {
        var path = PathOf(relativePath);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<CliResult> IngestAsync(params string[] extra) => CliRunner.RunAsync(Data, ["ingest", Recorder, "--json", .. extra]);

    /// <summary>Runs SQL on the catalog behind the program's back, the way a tamperer would.</summary>
    public async Task EditCatalogAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "catalog.db")};Pooling=false");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one number from the catalog, read-only, while the program may still be running.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "catalog.db")};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public int CountVaultOriginals() => Directory.Exists(VaultOriginals) ? Directory.GetFiles(VaultOriginals, "*", SearchOption.AllDirectories).Count(f => !f.Contains(".tmp", StringComparison.Ordinal)) : 0;

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The vault file of the (first) original whose id starts with <paramref name="idPrefix"/>.</summary>
    public string StoredOriginal(string idPrefix = "") =>
        Directory.GetFiles(VaultOriginals, idPrefix + "*", SearchOption.AllDirectories).First();

    /// <summary>The vault file of a stored derivative (<c>proxy.mp4</c> or <c>thumb.jpg</c>) of the recording with this id.</summary>
    public string StoredDerivative(string id, string fileName) =>
        Path.Combine(Directory.GetDirectories(Path.Combine(Data, "vault", "derived"), id + "*").Single(), fileName);

    /// <summary>An insider with write access to the vault swaps a derivative for other bytes of the same length.</summary>
    public void SwapDerivative(string id, string fileName)
    {
        var stored = StoredDerivative(id, fileName);
        var length = new FileInfo(stored).Length;
        File.SetAttributes(stored, FileAttributes.Normal);
        File.WriteAllBytes(stored, [.. Enumerable.Range(0, (int)length).Select(i => (byte)(i * 31))]);
    }

    /// <summary>Bit rot, or tampering: makes the 0444 vault file writable and flips one byte in its middle.</summary>
    public void FlipOneByte(string idPrefix = "")
    {
        var stored = StoredOriginal(idPrefix);
        File.SetAttributes(stored, FileAttributes.Normal);
        using var file = new FileStream(stored, FileMode.Open, FileAccess.ReadWrite);
        file.Position = file.Length / 2;
        var b = file.ReadByte();
        file.Position = file.Length / 2;
        file.WriteByte((byte)(b ^ 0x01));
    }

    public static JsonElement Item(CliResult result, string path) =>
        result.Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("path").GetString() == path);

    private string PathOf(string relativePath)
    {
        var path = Path.Combine(Recorder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
