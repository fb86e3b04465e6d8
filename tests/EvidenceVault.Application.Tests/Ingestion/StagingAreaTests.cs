using System.Diagnostics;
using System.Globalization;
using EvidenceVault.Application.Ingestion;

namespace EvidenceVault.Application.Tests.Ingestion;

public sealed class StagingAreaTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ev-staging-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void RemoveLeftovers_FilesOfRunningProcessesAndOfGoneOnes_OnlyTheGoneOnesRemoved()
    {
        var staging = new StagingArea(_root);
        var mine = staging.NewFilePath(".mp4");
        File.WriteAllText(mine, "a proxy being written by a worker of this process");
        var killed = Path.Combine(_root, $"{ExitedProcess()}-{Guid.NewGuid():N}.partial");
        File.WriteAllText(killed, "left by a process that was killed");
        var unnamed = Path.Combine(_root, $"{Guid.NewGuid():N}.partial");
        File.WriteAllText(unnamed, "left by an earlier version");

        var removed = staging.RemoveLeftovers();

        Assert.Equal(2, removed);
        Assert.True(File.Exists(mine));
        Assert.False(File.Exists(killed));
        Assert.False(File.Exists(unnamed));
    }

    /// <summary>The <c>pid-startticks</c> of a process that ran and was killed.</summary>
    private static string ExitedProcess()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var name = string.Create(CultureInfo.InvariantCulture, $"{process.Id}-{process.StartTime.Ticks}");
        process.Kill();
        process.WaitForExit();
        return name;
    }
}
