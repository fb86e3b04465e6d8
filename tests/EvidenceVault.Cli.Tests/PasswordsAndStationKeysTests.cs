using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

public sealed class PasswordsAndStationKeysTests : IDisposable
{
    private readonly Workspace _ws = new();
    private readonly Sessions _sessions;

    public PasswordsAndStationKeysTests() => _sessions = new Sessions(_ws.Data);

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task SetPassword_AdministratorForAnyone_UserOnlyForThemselfWithTheCurrentPassword()
    {
        await SetUpAsync();
        await _sessions.TokenAsync("zhang");

        var tooShort = await SetPasswordAsync("admin", "zhang", "short\n");
        var zhangWithoutCurrent = await SetPasswordAsync("zhang", "zhang", "zhang-second-password\n");
        var zhangWrongCurrent = await SetPasswordAsync("zhang", "zhang", "wrong-current-password\nzhang-second-password\n", "--with-current");
        var zhangOwn = await SetPasswordAsync("zhang", "zhang", Sessions.PasswordOf("zhang") + "\nzhang-second-password\n", "--with-current");
        var deadSession = await SetPasswordAsync("zhang", "zhang", "zhang-second-password\nzhang-third-password\n", "--with-current");
        var relogin = await CliRunner.RunWithInputAsync(_ws.Data, null, "zhang-second-password\n", "login", "zhang", "--password-stdin", "--print-token");
        var zhangForAdmin = await CliRunner.RunWithInputAsync(_ws.Data, _sessions.With(relogin.StandardOutput.Trim()), "zhang-sets-admin-password\n", "users", "set-password", "admin", "--password-stdin");
        var adminSetsZhang = await SetPasswordAsync("admin", "zhang", "zhang-first-password\n");
        var noInput = await SetPasswordAsync("admin", "zhang", "");
        var audit = await Expect(0, "admin", "audit", "show", "--subject", "zhang", "--json");

        Assert.Equal(0, adminSetsZhang.ExitCode);
        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("at least 12 characters", tooShort.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, zhangWithoutCurrent.ExitCode);
        Assert.Equal(5, zhangWrongCurrent.ExitCode);
        Assert.Equal(0, zhangOwn.ExitCode);
        Assert.Equal(5, deadSession.ExitCode);
        Assert.Contains("sign in again", deadSession.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, zhangForAdmin.ExitCode);
        Assert.Contains("Only an administrator", zhangForAdmin.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, noInput.ExitCode);
        var actions = audit.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(3, actions.Count(a => a == "auth.password-set"));
        Assert.DoesNotContain("zhang-first-password", audit.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("zhang-first-password", adminSetsZhang.StandardOutput + adminSetsZhang.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StationKeys_IssuedOnceListedWithoutSecretRevokedByPrefix()
    {
        await SetUpAsync();

        var issued = await Expect(0, "admin", "stations", "keys", "issue", "DS-07", "--user", "zhang", "--json");
        var key = issued.Json.GetProperty("key").GetString()!;
        var prefix = issued.Json.GetProperty("details").GetProperty("prefix").GetString()!;
        var byOfficer = await _sessions.RunAsync("zhang", "stations", "keys", "issue", "DS-08", "--user", "zhang");
        var listed = await Expect(0, "admin", "stations", "keys", "list", "--json");
        await Expect(0, "admin", "stations", "keys", "revoke", prefix, "--reason", "station retired");
        var again = await _sessions.RunAsync("admin", "stations", "keys", "revoke", prefix);
        var unknown = await _sessions.RunAsync("admin", "stations", "keys", "revoke", "evk_ffffffff");
        var after = await Expect(0, "admin", "stations", "keys", "list");
        var audit = await Expect(0, "admin", "audit", "show", "--subject", "DS-07", "--json");

        Assert.StartsWith(prefix + "_", key, StringComparison.Ordinal);
        Assert.True(key.Length > 50);
        Assert.Equal(5, byOfficer.ExitCode);
        var entry = Assert.Single(listed.Json.GetProperty("keys").EnumerateArray());
        Assert.Equal(("DS-07", "zhang"), (entry.GetProperty("station").GetString(), entry.GetProperty("user").GetString()));
        Assert.DoesNotContain(key, listed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("REVOKED", after.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["station.key-issued", "station.key-revoked"], audit.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.DoesNotContain(key, audit.StandardOutput, StringComparison.Ordinal);
    }

    private async Task SetUpAsync()
    {
        await Expect(0, null, "users", "add", "admin", "--display-name", "管理员", "--role", "administrator");
        await Expect(0, "admin", "users", "add", "zhang", "--display-name", "张三", "--role", "officer", "--officer", "010203");
    }

    private async Task<CliResult> SetPasswordAsync(string actor, string user, string input, params string[] extra) =>
        await CliRunner.RunWithInputAsync(_ws.Data, _sessions.With(await _sessions.TokenAsync(actor)), input, ["users", "set-password", user, "--password-stdin", .. extra]);

    private async Task<CliResult> Expect(int exitCode, string? actor, params string[] args)
    {
        var result = await _sessions.RunAsync(actor, args);
        Assert.True(result.ExitCode == exitCode, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.StandardError}");
        return result;
    }
}
