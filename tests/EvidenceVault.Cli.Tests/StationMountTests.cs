using System.Diagnostics;
using EvidenceVault.Cli.Tests.Support;
using static EvidenceVault.Cli.Tests.Support.StationProcess;

namespace EvidenceVault.Cli.Tests;

/// <summary>
/// The station over real mounts below its mount root, found through the kernel's mount table as USB storage is: bind
/// mounts (one made read-only, as a card whose write-protect switch is on or whose flash went read-only) and a FUSE
/// file system whose reads fail, as worn flash does. Mounting needs root, as the station's udev rule has.
/// </summary>
public sealed class StationMountTests : IDisposable
{
    private const string First = "A123456";
    private const string Second = "B765432";
    private readonly Workspace _workspace = new();
    private readonly StationProcess _station;
    private readonly string _mountRoot;
    private readonly List<string> _mounts = [];
    private Process? _fuse;

    public StationMountTests()
    {
        Assert.True(Environment.IsPrivilegedProcess, "These tests mount file systems and must run as root (tools/test.sh does).");
        _station = new StationProcess(_workspace);
        _mountRoot = Directory.CreateDirectory(Path.Combine(_workspace.Root, "media")).FullName;
    }

    [Fact]
    public async Task Station_TwoRecordersMountedOneReadOnly_SecuresBothAndSaysWhichCouldNotBeWiped()
    {
        await _station.RegisterAsync(First, Second);
        var writable = Recorder("rec1", First, 2);
        var readOnly = Recorder("rec2", Second, 2);
        _station.Start("--mount-root", _mountRoot, "--bays", "4", "--wipe");
        await _station.WaitForBaysAsync(b => Count(b, "empty") == 4);

        Mount("--bind", writable, Point("sdb1"));
        Mount("--bind", readOnly, Point("sdc1"));
        Mount("-o", "remount,bind,ro", Point("sdc1"));
        var board = await _station.WaitForBaysAsync(b => Count(b, "done") == 2);

        var bays = Bays(board).Where(b => b.GetProperty("phase").GetString() == "done").ToDictionary(b => b.GetProperty("device").GetString()!);
        Assert.Equal(Point("sdb1"), bays[First].GetProperty("location").GetString());
        Assert.False(bays[First].TryGetProperty("reasonCode", out _));
        Assert.Empty(Directory.GetFiles(Path.Combine(writable, "DCIM")));
        Assert.Equal("wipe-failed", bays[Second].GetProperty("reasonCode").GetString());
        Assert.Contains("2 could not be wiped", bays[Second].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(readOnly, "DCIM")).Length);
        Assert.Equal(4, _workspace.CountVaultOriginals());
        Assert.Equal(2, await _workspace.ScalarAsync("SELECT COUNT(*) FROM custody WHERE action = 'source.wiped'"));

        Unmount(Point("sdb1"));
        var unplugged = await _station.WaitForBaysAsync(b => Bays(b).Any(bay => Device(bay) == First && !bay.GetProperty("plugged").GetBoolean()));
        Assert.Equal(2, Bays(unplugged).First(bay => Device(bay) == First).GetProperty("summary").GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task Station_RecorderWhoseFlashFailsMidFile_SecuresTheReadableFileAndFailsTheBayWithTheReadError()
    {
        await _station.RegisterAsync(First);
        var folder = Recorder("rec1", First, 1);
        var failing = Path.Combine(folder, "DCIM", $"{First}_010203_20250301094500_0002.MP4");
        await File.WriteAllBytesAsync(failing, RandomBytes(4 << 20));
        _station.Start("--mount-root", _mountRoot, "--bays", "2", "--wipe");
        await _station.WaitForBaysAsync(b => Count(b, "empty") == 2);

        MountFailingFlash(folder, Path.GetFileName(failing), Point("sdb1"));
        var bay = Bay(await _station.WaitForBaysAsync(b => Count(b, "failed") == 1), "failed");

        Assert.Equal("source-unreadable", bay.GetProperty("reasonCode").GetString());
        Assert.Contains(Path.GetFileName(failing), bay.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, bay.GetProperty("summary").GetProperty("stored").GetInt32());
        Assert.Equal(1, bay.GetProperty("summary").GetProperty("failed").GetInt32());
        Assert.Equal(1, _workspace.CountVaultOriginals());
        Assert.True(File.Exists(failing), "A file that could not be read is never wiped.");
        Assert.Equal(0, (await CliRunner.RunAsync(_workspace.Data, "audit", "verify")).ExitCode);
    }

    public void Dispose()
    {
        _station.Dispose();
        foreach (var point in Enumerable.Reverse(_mounts))
        {
            Run("umount", "-l", point);
        }

        if (_fuse is { HasExited: false })
        {
            _fuse.Kill();
            _fuse.WaitForExit();
        }

        _fuse?.Dispose();
        _workspace.Dispose();
    }

    private string Recorder(string name, string device, int clips)
    {
        var dcim = Directory.CreateDirectory(Path.Combine(_workspace.Root, name, "DCIM")).FullName;
        RenameAsRecorderFiles(DistinctVideos.Make(_workspace.Root, dcim, clips, first: device == First ? 0 : 10), device);
        return Path.GetDirectoryName(dcim)!;
    }

    private static string? Device(System.Text.Json.JsonElement bay) => bay.TryGetProperty("device", out var device) ? device.GetString() : null;

    private string Point(string name) => Path.Combine(_mountRoot, name);

    private void Mount(params string[] args)
    {
        var point = args[^1];
        Directory.CreateDirectory(point);
        Must("mount", [.. args[..^1], point]);
        if (!_mounts.Contains(point))
        {
            _mounts.Add(point);
        }
    }

    private void Unmount(string point)
    {
        Must("umount", point);
        _mounts.Remove(point);
    }

    private void MountFailingFlash(string folder, string failingName, string point)
    {
        Directory.CreateDirectory(point);
        var script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "failing-recorder-fs.py");
        _fuse = Process.Start(new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { script, folder, failingName, point, "-f", "-o", "ro" } })!;
        _mounts.Add(point);
        var waited = Stopwatch.StartNew();
        while (!File.ReadAllText("/proc/self/mountinfo").Contains(point, StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30) && !_fuse.HasExited, "The FUSE recorder did not mount (is python3-fuse installed?).");
            Thread.Sleep(50);
        }
    }

    private static void Must(string program, params string[] args)
    {
        var (exitCode, error) = Run(program, args);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', args)} failed: {error}");
    }

    private static (int ExitCode, string Error) Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
