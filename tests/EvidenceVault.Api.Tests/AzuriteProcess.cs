using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EvidenceVault.Testing;
using EvidenceVault.Testing.Azure;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// A private Azurite (blob service) on a free loopback port, keeping its data in a folder so it can be stopped and
/// started again with everything it stored, as storage that goes away and comes back. The binary comes from
/// <c>EVIDENCEVAULT_AZURITE_BIN</c> (set by tools/test.sh) or the repository's <c>.tools/azurite</c>; a missing one fails.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    public const string BinaryVariable = "EVIDENCEVAULT_AZURITE_BIN";

    private readonly string _location = Directory.CreateTempSubdirectory("ev-azurite-").FullName;
    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();

    public string ConnectionString => AzuriteAccount.ConnectionString(Port);

    /// <summary>Starts Azurite (again) on the same port and data folder and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(Binary()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", _location, "--silent", "--disableTelemetry", "--skipApiVersionCheck" })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await AcceptsAsync())
        {
            Assert.False(_process.HasExited, $"Azurite exited with {(_process.HasExited ? _process.ExitCode : 0)} before listening on {Port}");
            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>
    /// Takes storage away: SIGTERM, as a service manager stops it. Not SIGKILL: Azurite keeps its blob index in memory and
    /// saves it only every 5 s, so a kill would lose writes it had already acknowledged (real Azure does not).
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } running)
        {
            using (var term = Process.Start("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await running.WaitForExitAsync(deadline.Token);
            Assert.False(await AcceptsAsync(), $"something still listens on {Port}");
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        Directory.Delete(_location, recursive: true);
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Binary()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Azurite is not installed: run tools/test.sh (it installs it under .tools/azurite) or set {BinaryVariable}.");
    }
}
