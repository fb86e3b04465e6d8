using System.Runtime.Versioning;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary>
/// Once the catalog has users, the CLI acts only as a proven person: a session from <c>login</c> (saved owner-only,
/// or in <c>$EVIDENCEVAULT_TOKEN</c>) or a station service account that may only ingest. <c>--actor</c> is a claim,
/// refused and logged, so one shell cannot be two approvers.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class CliSignInTests : IDisposable
{
    private readonly Workspace _ws = new();
    private readonly Sessions _sessions;

    public CliSignInTests() => _sessions = new Sessions(_ws.Data);

    private string SessionFile => Path.Combine(_ws.Data, "cli-session");

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Login_RightPassword_SavesOwnerOnlySessionThatProvesTheUser()
    {
        await SetUpAsync();

        var login = await LoginAsync("admin", Sessions.PasswordOf("admin"));
        var listed = await CliRunner.RunAsync(_ws.Data, "users", "list", "--json");
        var audit = await CliRunner.RunAsync(_ws.Data, "audit", "show", "--subject", "zhang", "--json");

        Assert.True(login.ExitCode == 0, login.StandardError);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SessionFile));
        Assert.DoesNotContain(await File.ReadAllTextAsync(SessionFile), login.StandardOutput + login.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(audit.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "user.saved" && e.GetProperty("actor").GetString() == "admin");
    }

    [Fact]
    public async Task Login_WrongPassword_RefusedWithoutSession()
    {
        await SetUpAsync();

        var login = await LoginAsync("admin", "not-the-admin-password");

        Assert.Equal(5, login.ExitCode);
        Assert.Contains("sign-in-failed", login.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(SessionFile));
    }

    [Fact]
    public async Task Actor_OnceUsersExist_IsNoProofAndOneShellIsNotTwoApprovers()
    {
        await SetUpAsync();
        var archivist = await _sessions.TokenAsync("arch");

        var claimed = await CliRunner.RunAsync(_ws.Data, "--actor", "arch2", "retention", "plan");
        var borrowed = await CliRunner.RunAsync(_ws.Data, _sessions.With(archivist), "--actor", "arch2", "retention", "plan");
        var own = await CliRunner.RunAsync(_ws.Data, _sessions.With(archivist), "retention", "plan");
        var audit = await _sessions.RunAsync("admin", "audit", "show", "--subject", "arch2", "--json");

        Assert.Equal(5, claimed.ExitCode);
        Assert.Contains("is not proof", claimed.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, borrowed.ExitCode);
        Assert.Contains("is not the signed-in user arch", borrowed.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, own.ExitCode);
        Assert.Equal(2, audit.Json.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "access.denied"));
    }

    [Fact]
    public async Task SessionFile_ReadableByOthers_RefusedUnused()
    {
        await SetUpAsync();
        await LoginAsync("admin", Sessions.PasswordOf("admin"));
        File.SetUnixFileMode(SessionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var listed = await CliRunner.RunAsync(_ws.Data, "users", "list");

        Assert.Equal(2, listed.ExitCode);
        Assert.Contains("may be read by others", listed.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_SavedSession_EndsItForEveryCopyOfTheToken()
    {
        await SetUpAsync();
        var token = await _sessions.TokenAsync("zhang");
        await File.WriteAllTextAsync(SessionFile, token);
        File.SetUnixFileMode(SessionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var logout = await CliRunner.RunAsync(_ws.Data, "logout");
        var after = await CliRunner.RunAsync(_ws.Data, _sessions.With(token), "recordings", "list");

        Assert.Equal(0, logout.ExitCode);
        Assert.Contains("Signed out", logout.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(SessionFile));
        Assert.Equal(5, after.ExitCode);
        Assert.Contains("sign in again", after.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StationKey_ServiceAccount_IngestsAsTheStationButNothingElse()
    {
        await SetUpAsync();
        var key = (await _sessions.RunAsync("admin", "stations", "keys", "issue", "DS-07", "--user", "zhang", "--json")).Json.GetProperty("key").GetString()!;
        _ws.Write("A123456_010203_20250301093015_0001_3.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9]);
        var station = new Dictionary<string, string> { ["EVIDENCEVAULT_STATION_KEY"] = key };

        var ingest = await CliRunner.RunAsync(_ws.Data, station, "ingest", _ws.Recorder, "--defer-media", "--json");
        var list = await CliRunner.RunAsync(_ws.Data, station, "recordings", "list");
        var id = Workspace.Item(ingest, "A123456_010203_20250301093015_0001_3.JPG").GetProperty("recordingId").GetString()!;
        var audit = await _sessions.RunAsync("admin", "audit", "show", "--subject", id, "--json");

        Assert.True(ingest.ExitCode == 0, ingest.StandardError);
        Assert.Equal(5, list.ExitCode);
        Assert.Contains("may only ingest", list.StandardError, StringComparison.Ordinal);
        Assert.Contains(audit.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("actor").GetString() == "zhang (station DS-07)");
    }

    [Fact]
    public async Task SetPassword_BootstrapAfterTheFirstPassword_NeedsAnAdministrator()
    {
        await SetUpAsync();
        await _sessions.TokenAsync("admin");

        var again = await CliRunner.RunWithInputAsync(_ws.Data, null, "someone-elses-password\n", "users", "set-password", "admin", "--password-stdin");

        Assert.Equal(5, again.ExitCode);
        Assert.Equal(0, (await LoginAsync("admin", Sessions.PasswordOf("admin"))).ExitCode);
    }

    private async Task SetUpAsync()
    {
        Assert.Equal(0, (await _sessions.RunAsync(null, "users", "add", "admin", "--display-name", "管理员", "--role", "administrator")).ExitCode);
        foreach (var (name, role, extra) in new[] { ("zhang", "officer", new[] { "--officer", "010203" }), ("arch", "archivist", []), ("arch2", "archivist", []) })
        {
            var added = await _sessions.RunAsync("admin", ["users", "add", name, "--display-name", name, "--role", role, .. extra]);
            Assert.True(added.ExitCode == 0, added.StandardError);
        }
    }

    private Task<CliResult> LoginAsync(string user, string password) =>
        CliRunner.RunWithInputAsync(_ws.Data, null, password + "\n", "login", user, "--password-stdin");
}
