using System.Globalization;
using System.Runtime.CompilerServices;
using EvidenceVault.Application.Custody;

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

    public bool HasWritten => database.HasWritten;

    public Task<IReadOnlyList<CustodyRecord>> ReadAsync(string? subject, CancellationToken cancellationToken) =>
        ListAsync(QueryAsync(subject is null ? null : " WHERE subject = @subject", p => p.AddWithValue("@subject", subject), cancellationToken));

    public Task<IReadOnlyList<CustodyRecord>> ReadWithoutAsync(IReadOnlyCollection<string> actions, CancellationToken cancellationToken)
    {
        var names = actions.Select((_, i) => $"@a{i}").ToList();
        return ListAsync(QueryAsync(
            actions.Count == 0 ? null : $" WHERE action NOT IN ({string.Join(", ", names)})",
            p =>
            {
                foreach (var (name, action) in names.Zip(actions))
                {
                    p.AddWithValue(name, action);
                }
            },
            cancellationToken));
    }

    public IAsyncEnumerable<CustodyRecord> StreamAsync(CancellationToken cancellationToken) => QueryAsync(null, _ => { }, cancellationToken);

    public IAsyncEnumerable<CustodyRecord> StreamAfterAsync(long sequence, CancellationToken cancellationToken) =>
        QueryAsync(" WHERE seq > @after", p => p.AddWithValue("@after", sequence), cancellationToken);

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM custody";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<CustodyBreak?> VerifyChainAsync(CancellationToken cancellationToken)
    {
        var chain = new CustodyChainCheck();
        await foreach (var record in StreamAsync(cancellationToken))
        {
            if (chain.Next(record) is { } broken)
            {
                return broken;
            }
        }

        return null;
    }

    private static async Task<IReadOnlyList<CustodyRecord>> ListAsync(IAsyncEnumerable<CustodyRecord> query)
    {
        var records = new List<CustodyRecord>();
        await foreach (var record in query)
        {
            records.Add(record);
        }

        return records;
    }

    private async IAsyncEnumerable<CustodyRecord> QueryAsync(string? where, Action<System.Data.Common.DbParameterCollection> bind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM custody" + where + " ORDER BY seq";
        if (where is not null)
        {
            bind(command.Parameters);
        }

        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var entry = new CustodyEntry(at, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
            yield return new CustodyRecord(reader.GetInt64(0), entry, reader.GetString(6), reader.GetString(7));
        }
    }
}
