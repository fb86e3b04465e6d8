using System.Globalization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The custody log in the catalog database: append-only (triggers refuse updates and deletes) and hash-chained.</summary>
public sealed class SqlCustodyLog(CatalogDatabase database) : ICustodyLog
{
    public Task AppendAsync(CustodyEntry entry, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<bool> AppendOnceAsync(CustodyEntry entry, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var seen = connection.CreateCommand();
                seen.Transaction = transaction;
                seen.CommandText = "SELECT 1 FROM custody WHERE subject = @subject AND action = @action AND details = @details LIMIT 1";
                seen.Parameters.AddWithValue("@subject", entry.Subject);
                seen.Parameters.AddWithValue("@action", entry.Action);
                seen.Parameters.AddWithValue("@details", entry.Details);
                if (await seen.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    return false;
                }

                await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                return true;
            },
            cancellationToken);

    public async Task<IReadOnlyList<CustodyRecord>> ReadAsync(string? subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM custody"
            + (subject is null ? string.Empty : " WHERE subject = @subject") + " ORDER BY seq";
        if (subject is not null)
        {
            command.Parameters.AddWithValue("@subject", subject);
        }

        var records = new List<CustodyRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var entry = new CustodyEntry(at, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
            records.Add(new CustodyRecord(reader.GetInt64(0), entry, reader.GetString(6), reader.GetString(7)));
        }

        return records;
    }

    public async Task<CustodyBreak?> VerifyChainAsync(CancellationToken cancellationToken)
    {
        var expectedPrevious = CustodyChain.Genesis;
        var expectedSequence = 1L;
        foreach (var record in await ReadAsync(null, cancellationToken))
        {
            if (record.Sequence != expectedSequence)
            {
                return new CustodyBreak(expectedSequence, $"Entry {expectedSequence} is missing (next present entry is {record.Sequence}).");
            }

            if (record.PreviousHash != expectedPrevious)
            {
                return new CustodyBreak(record.Sequence, "Its previous-hash does not match the entry before it.");
            }

            var e = record.Entry;
            if (CustodyChain.Hash(record.Sequence, e.At, e.Actor, e.Action, e.Subject, e.Details, record.PreviousHash) != record.Hash)
            {
                return new CustodyBreak(record.Sequence, "Its contents do not match its hash (the entry was altered).");
            }

            (expectedPrevious, expectedSequence) = (record.Hash, record.Sequence + 1);
        }

        return null;
    }
}
