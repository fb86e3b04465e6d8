using System.Data.Common;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Appends one chained custody entry inside the caller's write transaction.</summary>
internal static class SqlCustodyWriter
{
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, CustodyEntry entry, CancellationToken cancellationToken)
    {
        long sequence;
        string previous;
        using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1";
            using var reader = await last.ExecuteReaderAsync(cancellationToken);
            (sequence, previous) = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0) + 1, reader.GetString(1)) : (1L, CustodyChain.Genesis);
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO custody (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @subject, @details, @prev, @hash)";
        insert.Parameters.AddWithValue("@seq", sequence);
        insert.Parameters.AddWithValue("@at", RecordingRows.UtcKey(entry.At));
        insert.Parameters.AddWithValue("@actor", entry.Actor);
        insert.Parameters.AddWithValue("@action", entry.Action);
        insert.Parameters.AddWithValue("@subject", entry.Subject);
        insert.Parameters.AddWithValue("@details", entry.Details);
        insert.Parameters.AddWithValue("@prev", previous);
        insert.Parameters.AddWithValue("@hash", CustodyChain.Hash(sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Details, previous));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
