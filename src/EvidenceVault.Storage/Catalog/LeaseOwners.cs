using EvidenceVault.Application.Diagnostics;

namespace EvidenceVault.Storage.Catalog;

/// <summary>
/// Lease owners are <c>host:pid:process-start-ticks:worker</c> (see <c>WorkerIdentity</c>), so a lease held by a
/// process on this host that was killed can be taken back at once instead of waiting for the lease to run out.
/// </summary>
internal static class LeaseOwners
{
    public static async Task ReleaseLeasesOfDeadProcessesAsync(CatalogDatabase database, string self, CancellationToken cancellationToken)
    {
        var owners = await database.QueryAsync(
            "SELECT DISTINCT lease_owner FROM jobs WHERE state = 'leased' AND lease_owner LIKE @host",
            p => p.AddWithValue("@host", Environment.MachineName + ":%"),
            r => r.GetString(0),
            cancellationToken);
        foreach (var owner in owners.Where(o => o != self && !IsAlive(o)))
        {
            await database.InWriteTransactionAsync(
                async (connection, transaction) =>
                {
                    using var release = connection.CreateCommand();
                    release.Transaction = transaction;
                    release.CommandText = "UPDATE jobs SET state = 'pending', lease_until = NULL, lease_owner = NULL WHERE state = 'leased' AND lease_owner = @owner";
                    release.Parameters.AddWithValue("@owner", owner);
                    return await release.ExecuteNonQueryAsync(cancellationToken);
                },
                cancellationToken);
        }
    }

    private static bool IsAlive(string owner) =>
        owner.Split(':') is not [_, var pid, var started, ..] || LocalProcess.Parse(pid, started) is not { } process || LocalProcess.IsAlive(process.Pid, process.StartTicks);
}
