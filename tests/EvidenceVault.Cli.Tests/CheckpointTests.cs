using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Signing;
using EvidenceVault.Cli.Tests.Support;
using EvidenceVault.Domain.Custody;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Cli.Tests;

/// <summary>
/// The attacks a plain hash chain misses, by someone who can write the catalog but holds no vault key: the last entries
/// dropped, an entry rewritten with every later hash recomputed, a checkpoint forged with another key; and the one
/// legitimate change of key, a rotation, which must keep the audit intact.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class CheckpointTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    private string Checkpoints => Path.Combine(_ws.Data, "vault", "checkpoints");

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task AuditVerify_LastEntriesDeletedAfterCheckpoint_NamesTruncation()
    {
        await IngestAsync();
        var size = (await CliRunner.RunAsync(_ws.Data, "audit", "checkpoint", "--json")).Json.GetProperty("size").GetInt64();
        await _ws.EditCatalogAsync($"DROP TRIGGER custody_append_only_delete; DELETE FROM custody WHERE seq > {size - 2}");

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain("BROKEN", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"truncated: checkpoint {CheckpointNames.For(size, default)[..19]}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"states size {size}, the log has only {size - 2} entries", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_EntryRewrittenAndChainRehashed_NamesRewriteThoughChainIntact()
    {
        await IngestAsync();
        var size = (await CliRunner.RunAsync(_ws.Data, "audit", "checkpoint", "--json")).Json.GetProperty("size").GetInt64();
        await RewriteAndRehashAsync(1, details => details.Replace("clip.mp4", "other.mp4", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("firstBroken").ValueKind);
        var problem = Assert.Single(result.Json.GetProperty("checkpointProblems").EnumerateArray()).GetProperty("problem").GetString();
        Assert.StartsWith($"rewritten: entries up to {size} no longer match the checkpoint signed at ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_CheckpointSignedByAnotherKeyPlanted_NamedForgedAndNeverTheHead()
    {
        await IngestAsync();
        var real = (await CliRunner.RunAsync(_ws.Data, "audit", "checkpoint", "--json")).Json;
        var forger = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));
        var forged = CheckpointNotes.Sign(Checkpoint.Of(CheckpointWriter.Origin, 1_000, MerkleTree.EmptyRoot(), TimeProvider.System.GetUtcNow()), forger);
        var name = CheckpointNames.For(1_000, TimeProvider.System.GetUtcNow());
        await File.WriteAllTextAsync(Path.Combine(Checkpoints, name), forged.Format());

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify", "--json");
        var again = await CliRunner.RunAsync(_ws.Data, "audit", "checkpoint", "--json");

        Assert.Equal(3, result.ExitCode);
        var problem = Assert.Single(result.Json.GetProperty("checkpointProblems").EnumerateArray());
        Assert.Equal(name, problem.GetProperty("checkpoint").GetString());
        Assert.StartsWith("forged: ", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(real.GetProperty("rootHex").GetString(), result.Json.GetProperty("verifiedHead").GetProperty("rootHex").GetString());
        Assert.Equal(real.GetProperty("checkpoint").GetString(), again.Json.GetProperty("checkpoint").GetString());
    }

    [Fact]
    public async Task AuditVerify_RotationEntryForgedToAdmitAnotherKey_NamedAndItsCheckpointStaysForged()
    {
        await IngestAsync();
        var current = (await CliRunner.RunAsync(_ws.Data, "keys", "show", "--json")).Json.GetProperty("publicKeyPem").GetString()!;
        var forger = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));
        var genuine = KeyRotatedDetails.Sign(forger, forger);
        var claimed = genuine with { KeyId = EvidencePublicKey.FromPem(current)!.KeyId, PublicKey = Convert.ToBase64String(EvidencePublicKey.FromPem(current)!.Bytes) };
        await AppendForgedAsync(claimed);
        var forged = CheckpointNotes.Sign(Checkpoint.Of(CheckpointWriter.Origin, 1, MerkleTree.EmptyRoot(), TimeProvider.System.GetUtcNow()), forger);
        await File.WriteAllTextAsync(Path.Combine(Checkpoints, CheckpointNames.For(1, TimeProvider.System.GetUtcNow())), forged.Format());

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ROTATION at entry", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("forged: the checkpoint of size 1", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRotate_ThenMoreEntries_AuditStaysIntactWithHeadUnderNewKeyAndOldKeyKept()
    {
        await IngestAsync();
        var before = (await CliRunner.RunAsync(_ws.Data, "keys", "show", "--json")).Json.GetProperty("keyId").GetString();

        var rotate = await CliRunner.RunAsync(_ws.Data, "keys", "rotate", "--json");
        _ws.Put("second.mp4", media.Video360);
        await _ws.IngestAsync();
        await CliRunner.RunAsync(_ws.Data, "audit", "checkpoint");
        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify", "--json");

        Assert.True(rotate.ExitCode == 0, rotate.StandardError);
        var after = rotate.Json.GetProperty("current").GetProperty("keyId").GetString();
        Assert.Equal(before, rotate.Json.GetProperty("previous").GetProperty("keyId").GetString());
        Assert.NotEqual(before, after);
        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal(after, result.Json.GetProperty("verifiedHead").GetProperty("keyId").GetString());
        Assert.Equal(0, result.Json.GetProperty("verifiedHead").GetProperty("entriesAfter").GetInt64());
        Assert.True(File.Exists(Path.Combine(_ws.Data, "keys", $"signing.key.{before}.retired")));
        var rotation = (await CliRunner.RunAsync(_ws.Data, "audit", "show", "--subject", after!, "--json")).Json.GetProperty("entries")[0];
        Assert.Equal(CustodyActions.KeysRotated, rotation.GetProperty("action").GetString());
    }

    [Fact]
    public async Task AuditVerify_AfterIngest_PrintsVerifiedHeadOfTheCheckpointTheIngestWrote()
    {
        await IngestAsync();

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"1 checkpoints; verified head: size \d+, root [0-9a-f]{64} \([A-Za-z0-9+/]{43}=\), signed \S+ by key [0-9a-f]{16}; 0 entries since", result.StandardOutput);
        Assert.Single(Directory.GetFiles(Checkpoints));
    }

    private async Task IngestAsync()
    {
        _ws.Put("clip.mp4", media.Video360);
        Assert.Equal(0, (await _ws.IngestAsync()).ExitCode);
    }

    /// <summary>What a tamperer with the catalog can do: change entry <paramref name="sequence"/> and recompute every later hash.</summary>
    private async Task RewriteAndRehashAsync(long sequence, Func<string, string> rewrite)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        Execute(connection, "DROP TRIGGER custody_append_only_update");
        var rows = new List<(long Seq, string At, string Actor, string Action, string Subject, string Details)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT seq, at, actor, action, subject, details FROM custody ORDER BY seq";
            using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }
        }

        var previous = CustodyChain.Genesis;
        foreach (var row in rows)
        {
            var details = row.Seq == sequence ? rewrite(row.Details) : row.Details;
            var hash = CustodyChain.Hash(row.Seq, DateTimeOffset.Parse(row.At, System.Globalization.CultureInfo.InvariantCulture), row.Actor, row.Action, row.Subject, details, previous);
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE custody SET details = $d, prev_hash = $p, hash = $h WHERE seq = $s";
            update.Parameters.AddWithValue("$d", details);
            update.Parameters.AddWithValue("$p", previous);
            update.Parameters.AddWithValue("$h", hash);
            update.Parameters.AddWithValue("$s", row.Seq);
            await update.ExecuteNonQueryAsync();
            previous = hash;
        }
    }

    /// <summary>Appends a correctly chained entry by hand, as the catalog's writer could.</summary>
    private async Task AppendForgedAsync(KeyRotatedDetails details)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        using var last = connection.CreateCommand();
        last.CommandText = "SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1";
        using var reader = await last.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (seq, previous) = (reader.GetInt64(0) + 1, reader.GetString(1));
        await reader.CloseAsync();
        var at = TimeProvider.System.GetUtcNow();
        var json = System.Text.Json.JsonSerializer.Serialize(details, CustodyEntries.DetailsJson);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO custody (seq, at, actor, action, subject, details, prev_hash, hash) VALUES ($s, $a, 'admin', $action, $subject, $d, $p, $h)";
        insert.Parameters.AddWithValue("$s", seq);
        insert.Parameters.AddWithValue("$a", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$action", CustodyActions.KeysRotated);
        insert.Parameters.AddWithValue("$subject", details.KeyId);
        insert.Parameters.AddWithValue("$d", json);
        insert.Parameters.AddWithValue("$p", previous);
        insert.Parameters.AddWithValue("$h", CustodyChain.Hash(seq, at, "admin", CustodyActions.KeysRotated, details.KeyId, json, previous));
        await insert.ExecuteNonQueryAsync();
    }

    private SqliteConnection Open() => new($"Data Source={Path.Combine(_ws.Data, "catalog.db")};Pooling=false");

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
