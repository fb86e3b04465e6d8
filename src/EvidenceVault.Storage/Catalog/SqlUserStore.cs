using System.Data.Common;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Users in the catalog database (SQLite or PostgreSQL); every change carries its custody entry in the same transaction.</summary>
public sealed class SqlUserStore(CatalogDatabase database) : IUserStore
{
    private const string Select = "SELECT name, display_name, department, roles, department_head, senior, officer_number, active FROM users";

    public Task SaveAsync(User user, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            """
            INSERT INTO users (name, display_name, department, roles, department_head, senior, officer_number, active)
            VALUES (@name, @display, @department, @roles, @head, @senior, @officer, @active)
            ON CONFLICT (name) DO UPDATE SET display_name = @display, department = @department, roles = @roles,
                department_head = @head, senior = @senior, officer_number = @officer, active = @active
            """,
            p =>
            {
                p.AddWithValue("@name", user.Name.Value);
                p.AddWithValue("@display", user.DisplayName);
                p.AddWithValue("@department", (object?)user.Department ?? DBNull.Value);
                p.AddWithValue("@roles", string.Join(',', user.Roles.Select(AccessControl.Name).Order(StringComparer.Ordinal)));
                p.AddWithValue("@head", user.IsDepartmentHead);
                p.AddWithValue("@senior", user.IsSenior);
                p.AddWithValue("@officer", user.Officer is { } o ? o.Value : DBNull.Value);
                p.AddWithValue("@active", user.IsActive);
            },
            custody,
            cancellationToken);

    public async Task<User?> FindAsync(UserName name, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE name = @name", p => p.AddWithValue("@name", name.Value), Read, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(Select + " ORDER BY name", _ => { }, Read, cancellationToken);

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT 1 FROM users LIMIT 1", _ => { }, _ => true, cancellationToken)).Count > 0;

    private static User Read(DbDataReader r) => new(
        UserName.Parse(r.GetString(0)),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => Enum.Parse<Role>(role, ignoreCase: true)).ToHashSet(),
        r.GetInt64(4) != 0,
        r.GetInt64(5) != 0,
        r.IsDBNull(6) ? null : OfficerId.Parse(r.GetString(6)),
        r.GetInt64(7) != 0);
}
