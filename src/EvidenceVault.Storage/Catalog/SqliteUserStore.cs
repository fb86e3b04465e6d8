using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Users on SQLite; every change carries its custody entry in the same transaction.</summary>
public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private const string Select = "SELECT name, display_name, department, roles, department_head, senior, officer_number, active FROM users";

    public Task SaveAsync(User user, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            """
            INSERT INTO users (name, display_name, department, roles, department_head, senior, officer_number, active)
            VALUES ($name, $display, $department, $roles, $head, $senior, $officer, $active)
            ON CONFLICT (name) DO UPDATE SET display_name = $display, department = $department, roles = $roles,
                department_head = $head, senior = $senior, officer_number = $officer, active = $active
            """,
            p =>
            {
                p.AddWithValue("$name", user.Name.Value);
                p.AddWithValue("$display", user.DisplayName);
                p.AddWithValue("$department", (object?)user.Department ?? DBNull.Value);
                p.AddWithValue("$roles", string.Join(',', user.Roles.Select(AccessControl.Name).Order(StringComparer.Ordinal)));
                p.AddWithValue("$head", user.IsDepartmentHead);
                p.AddWithValue("$senior", user.IsSenior);
                p.AddWithValue("$officer", user.Officer is { } o ? o.Value : DBNull.Value);
                p.AddWithValue("$active", user.IsActive);
            },
            custody,
            cancellationToken);

    public async Task<User?> FindAsync(UserName name, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE name = $name", p => p.AddWithValue("$name", name.Value), Read, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(Select + " ORDER BY name", _ => { }, Read, cancellationToken);

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT EXISTS (SELECT 1 FROM users)", _ => { }, r => r.GetInt64(0) == 1, cancellationToken)).Single();

    private static User Read(SqliteDataReader r) => new(
        UserName.Parse(r.GetString(0)),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => Enum.Parse<Role>(role, ignoreCase: true)).ToHashSet(),
        r.GetBoolean(4),
        r.GetBoolean(5),
        r.IsDBNull(6) ? null : OfficerId.Parse(r.GetString(6)),
        r.GetBoolean(7));
}
