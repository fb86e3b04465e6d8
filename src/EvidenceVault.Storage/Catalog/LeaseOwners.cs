using System.Diagnostics;
using System.Globalization;

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

    private static bool IsAlive(string owner)
    {
        var parts = owner.Split(':');
        if (parts.Length < 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var started))
        {
            return true;
        }

        try
        {
            // The start time one process reads for another differs from its own reading by a few milliseconds (it is
            // derived from boot time and clock ticks), so a second's tolerance; a pid reused within it is not plausible.
            using var process = Process.GetProcessById(pid);
            return Math.Abs(process.StartTime.Ticks - started) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
