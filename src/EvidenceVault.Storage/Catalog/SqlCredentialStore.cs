using System.Data.Common;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Password hashes, lockout counters and sessions in the catalog database (SQLite or PostgreSQL); custody entries share each write's transaction.</summary>
public sealed class SqlCredentialStore(CatalogDatabase database) : ICredentialStore
{
    private const string SelectSession = "SELECT token_sha256, user_name, started_at, last_seen_at, ended_at, seal FROM sessions";

    private const string SelectCredential = "SELECT user_name, password_hash, failed_sign_ins, locked_until, password_seal, password_set_at FROM credentials";

    // A user's row appears with the first password or failed sign-in; until then the state is clear.
    private const string EnsureRow = "INSERT INTO credentials (user_name) VALUES (@user) ON CONFLICT (user_name) DO NOTHING";

    public async Task<StoredCredential?> FindAsync(UserName user, CancellationToken cancellationToken) =>
        (await database.QueryAsync(SelectCredential + " WHERE user_name = @user", p => p.AddWithValue("@user", user.Value), ReadCredential, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<StoredCredential>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(SelectCredential + " ORDER BY user_name", _ => { }, ReadCredential, cancellationToken);

    public Task SetPasswordAsync(UserName user, string passwordHash, string seal, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await CatalogDatabase.ExecuteAsync(connection, transaction, EnsureRow, p => p.AddWithValue("@user", user.Value), cancellationToken);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE credentials SET password_hash = @hash, password_seal = @seal, password_set_at = @at, failed_sign_ins = 0, locked_until = NULL WHERE user_name = @user",
                    p =>
                    {
                        p.AddWithValue("@user", user.Value);
                        p.AddWithValue("@hash", passwordHash);
                        p.AddWithValue("@seal", seal);
                        p.AddWithValue("@at", RecordingRows.Time(at));
                    },
                    cancellationToken);
                await EndSessionsAsync(connection, transaction, "user_name = @user", p => p.AddWithValue("@user", user.Value), at, cancellationToken);
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<SignInState> RecordFailureAsync(UserName user, Func<SignInState, (SignInState Next, IReadOnlyList<CustodyEntry> Custody)> apply, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await CatalogDatabase.ExecuteAsync(connection, transaction, EnsureRow, p => p.AddWithValue("@user", user.Value), cancellationToken);
                SignInState current;
                using (var read = connection.CreateCommand())
                {
                    read.Transaction = transaction;
                    read.CommandText = "SELECT failed_sign_ins, locked_until FROM credentials WHERE user_name = @user";
                    read.Parameters.AddWithValue("@user", user.Value);
                    using var reader = await read.ExecuteReaderAsync(cancellationToken);
                    await reader.ReadAsync(cancellationToken);
                    current = new SignInState(reader.GetInt32(0), RecordingRows.OptionalTime(reader, 1));
                }

                var (next, custody) = apply(current);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE credentials SET failed_sign_ins = @failed, locked_until = @until WHERE user_name = @user",
                    p =>
                    {
                        p.AddWithValue("@user", user.Value);
                        p.AddWithValue("@failed", next.FailedAttempts);
                        p.AddWithValue("@until", next.LockedUntil is { } until ? RecordingRows.Time(until) : DBNull.Value);
                    },
                    cancellationToken);
                foreach (var entry in custody)
                {
                    await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                }

                return next;
            },
            cancellationToken);

    public Task StartSessionAsync(Session session, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO sessions (token_sha256, user_name, started_at, last_seen_at, seal) VALUES (@id, @user, @at, @at, @seal)",
                    p =>
                    {
                        p.AddWithValue("@id", session.Id);
                        p.AddWithValue("@seal", (object?)session.Seal ?? DBNull.Value);
                        p.AddWithValue("@user", session.User.Value);
                        p.AddWithValue("@at", RecordingRows.Time(session.StartedAt));
                    },
                    cancellationToken);
                await CatalogDatabase.ExecuteAsync(connection, transaction, "UPDATE credentials SET failed_sign_ins = 0, locked_until = NULL WHERE user_name = @user", p => p.AddWithValue("@user", session.User.Value), cancellationToken);
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
                return true;
            },
            cancellationToken);

    public async Task<Session?> FindSessionAsync(string id, CancellationToken cancellationToken) =>
        (await database.QueryAsync(SelectSession + " WHERE token_sha256 = @id", p => p.AddWithValue("@id", id), ReadSession, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Session>> SessionsAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(SelectSession + " ORDER BY started_at, token_sha256", _ => { }, ReadSession, cancellationToken);

    public Task TouchSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            (connection, transaction) => CatalogDatabase.ExecuteAsync(
                connection,
                transaction,
                "UPDATE sessions SET last_seen_at = @at WHERE token_sha256 = @id AND ended_at IS NULL",
                p =>
                {
                    p.AddWithValue("@id", id);
                    p.AddWithValue("@at", RecordingRows.Time(at));
                },
                cancellationToken),
            cancellationToken);

    public Task EndSessionAsync(string id, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await EndSessionsAsync(connection, transaction, "token_sha256 = @id", p => p.AddWithValue("@id", id), at, cancellationToken);
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
                return true;
            },
            cancellationToken);

    private static Task<long> EndSessionsAsync(DbConnection connection, DbTransaction transaction, string where, Action<DbParameterCollection> bind, DateTimeOffset at, CancellationToken cancellationToken) =>
        CatalogDatabase.ExecuteAsync(
            connection,
            transaction,
            $"UPDATE sessions SET ended_at = @ended WHERE ended_at IS NULL AND {where}",
            p =>
            {
                bind(p);
                p.AddWithValue("@ended", RecordingRows.Time(at));
            },
            cancellationToken);

    private static Session ReadSession(DbDataReader r) => new(
        r.GetString(0),
        UserName.Parse(r.GetString(1)),
        RecordingRows.ParseTime(r.GetString(2)),
        RecordingRows.ParseTime(r.GetString(3)),
        RecordingRows.OptionalTime(r, 4))
    {
        Seal = r.IsDBNull(5) ? null : r.GetString(5),
    };

    private static StoredCredential ReadCredential(DbDataReader r) =>
        new(UserName.Parse(r.GetString(0)), r.IsDBNull(1) ? null : r.GetString(1), new SignInState(r.GetInt32(2), RecordingRows.OptionalTime(r, 3)))
        {
            PasswordSeal = r.IsDBNull(4) ? null : r.GetString(4),
            PasswordSetAt = RecordingRows.OptionalTime(r, 5),
        };
}
