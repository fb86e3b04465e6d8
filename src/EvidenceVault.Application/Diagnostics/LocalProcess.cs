using System.Diagnostics;
using System.Globalization;

namespace EvidenceVault.Application.Diagnostics;

/// <summary>
/// A process on this host named by its pid and start time, so what it owned (job leases, staging files) can be taken
/// back as soon as it is gone, instead of after a timeout; the start time keeps a reused pid from passing for it.
/// </summary>
public static class LocalProcess
{
    /// <summary>This process as <c>pid:start-ticks</c>.</summary>
    public static string Current { get; } = Describe();

    /// <summary>Whether the process <paramref name="pid"/> that started at <paramref name="startTicks"/> still runs.</summary>
    public static bool IsAlive(int pid, long startTicks)
    {
        try
        {
            // The start time one process reads for another differs from its own reading by a few milliseconds (it is
            // derived from boot time and clock ticks), so a second's tolerance; a pid reused within it is not plausible.
            using var process = Process.GetProcessById(pid);
            return Math.Abs(process.StartTime.Ticks - startTicks) < TimeSpan.TicksPerSecond;
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

    /// <summary>Reads a <c>pid:start-ticks</c> pair; null when the text is not one.</summary>
    public static (int Pid, long StartTicks)? Parse(string pid, string startTicks) =>
        int.TryParse(pid, CultureInfo.InvariantCulture, out var p) && long.TryParse(startTicks, CultureInfo.InvariantCulture, out var s) ? (p, s) : null;

    private static string Describe()
    {
        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}:{process.StartTime.Ticks}");
    }
}
