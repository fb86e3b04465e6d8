using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Domain.Access;
using EvidenceVault.Storage.Credentials;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// Someone who can write the catalog database but not read the server's key files plants or re-points credentials:
/// none of them authenticates, and <c>audit verify</c> names each row. A row in the unkeyed form of earlier versions
/// (the plain SHA-256 of the token or key) is exactly what a planter can compute, so those stop working too.
/// </summary>
public sealed class PlantedCredentialTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Session_InsertedByHandWithAKnownToken_DoesNotAuthenticateAndAuditNamesIt()
    {
        Assert.Empty(await _host.EditedRowsAsync());
        const string token = "planted-bearer-token-known-to-the-insider";
        var now = _host.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await _host.EditCatalogAsync($"INSERT INTO sessions (token_sha256, user_name, started_at, last_seen_at) VALUES ('{Sha256(token)}', '{ApiHost.Administrator}', '{now}', '{now}')");

        using var response = await _host.ClientWith(new AuthenticationHeaderValue("Bearer", token)).GetAsync("/recordings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var row = Assert.Single(await _host.EditedRowsAsync());
        Assert.Equal("sessions", row.Table);
        Assert.StartsWith($"{ApiHost.Administrator}/", row.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_MovedToAnotherUserByHand_StopsAuthenticatingAndAuditNamesIt()
    {
        await _host.EditCatalogAsync($"UPDATE sessions SET user_name = '{ApiHost.Administrator}' WHERE user_name = '{ApiHost.Actor}'");

        using var response = await _host.Client.GetAsync("/recordings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(await _host.EditedRowsAsync(), r => r.Table == "sessions");
    }

    [Fact]
    public async Task StationKey_InsertedByHandWithAKnownKey_DoesNotAuthenticateAndAuditNamesIt()
    {
        const string key = "evk_0badc0de_planted-station-key-known-to-the-insider";
        var now = _host.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await _host.EditCatalogAsync("INSERT INTO station_keys (prefix, key_sha256, station, user_name, issued_at, issued_by) "
            + $"VALUES ('{key[..Secrets.StationKeyPrefixLength]}', '{Sha256(key)}', 'DS-99', '{ApiHost.Administrator}', '{now}', '{ApiHost.Administrator}')");

        using var response = await _host.ClientWith(new AuthenticationHeaderValue("ApiKey", key)).GetAsync("/recordings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(await _host.EditedRowsAsync(), r => r.Table == "station_keys");
    }

    [Fact]
    public async Task StationKey_RepointedToAnAdministratorByHand_StopsAuthenticatingAndAuditNamesIt()
    {
        var issued = await _host.SendAsync(new IssueStationKeyCommand(StationName.Parse("DS-07"), UserName.Parse(ApiHost.Actor)));
        Assert.Empty(await _host.EditedRowsAsync());
        await _host.EditCatalogAsync($"UPDATE station_keys SET user_name = '{ApiHost.Administrator}'");

        using var response = await _host.ClientWith(new AuthenticationHeaderValue("ApiKey", issued.Secret)).GetAsync("/recordings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(await _host.EditedRowsAsync(), r => r.Table == "station_keys" && r.Key.StartsWith("DS-07", StringComparison.Ordinal));
    }

    /// <summary>A hash made with the real KDF for a password the insider chose, or another user's hash copied over.</summary>
    [Theory]
    [InlineData("planted")]
    [InlineData("copied")]
    public async Task PasswordHash_ReplacedByHand_DoesNotSignInAndAuditNamesIt(string how)
    {
        await _host.SignInAsync(ApiHost.Administrator);
        var (hash, password) = how == "planted"
            ? ($"'{new Pbkdf2PasswordHasher(1000).Hash("insider-chosen-password")}'", "insider-chosen-password")
            : ($"(SELECT password_hash FROM credentials WHERE user_name = '{ApiHost.Actor}')", ApiHost.PasswordOf(ApiHost.Actor));
        Assert.Empty(await _host.EditedRowsAsync());
        await _host.EditCatalogAsync($"UPDATE credentials SET password_hash = {hash} WHERE user_name = '{ApiHost.Administrator}'");

        using var signIn = await _host.Anonymous.PostAsJsonAsync("/auth/sign-in", new { user = ApiHost.Administrator, password });

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        var row = Assert.Single(await _host.EditedRowsAsync());
        Assert.Equal(("credentials", ApiHost.Administrator), (row.Table, row.Key));
    }

    /// <summary>
    /// After the upgrade that bound credentials to the server secret, rows made before carry no seal: they stop working,
    /// and the audit says what to do (set the password again; revoke and reissue the key). Old sessions simply end.
    /// </summary>
    [Fact]
    public async Task RowsFromBeforeTheBinding_WithoutSeals_StopWorkingUntilPasswordSetAndKeyReissued()
    {
        var issued = await _host.SendAsync(new IssueStationKeyCommand(StationName.Parse("DS-07"), UserName.Parse(ApiHost.Actor)));
        await _host.EditCatalogAsync("UPDATE credentials SET password_seal = NULL; UPDATE station_keys SET seal = NULL; UPDATE sessions SET seal = NULL");

        using var session = await _host.Client.GetAsync("/recordings");
        using var key = await _host.ClientWith(new AuthenticationHeaderValue("ApiKey", issued.Secret)).GetAsync("/recordings");
        using var password = await _host.Anonymous.PostAsJsonAsync("/auth/sign-in", new { user = ApiHost.Actor, password = ApiHost.PasswordOf(ApiHost.Actor) });
        var before = await _host.EditedRowsAsync();
        await _host.SendAsync(new SetPasswordCommand(UserName.Parse(ApiHost.Actor), ApiHost.PasswordOf(ApiHost.Actor), null));
        await _host.SendAsync(new RevokeStationKeyCommand(issued.Key.Prefix, "issued before credential binding"));
        var reissued = await _host.SendAsync(new IssueStationKeyCommand(StationName.Parse("DS-07"), UserName.Parse(ApiHost.Actor)));
        using var again = await _host.Anonymous.PostAsJsonAsync("/auth/sign-in", new { user = ApiHost.Actor, password = ApiHost.PasswordOf(ApiHost.Actor) });
        using var newKey = await _host.ClientWith(new AuthenticationHeaderValue("ApiKey", reissued.Secret)).GetAsync("/recordings");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { session.StatusCode, key.StatusCode, password.StatusCode });
        Assert.Equal(["credentials", "station_keys"], before.Select(r => r.Table).Order());
        Assert.Contains("set the password again", before.Single(r => r.Table == "credentials").Problem, StringComparison.Ordinal);
        Assert.Contains("revoke it and issue a new one", before.Single(r => r.Table == "station_keys").Problem, StringComparison.Ordinal);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], new[] { again.StatusCode, newKey.StatusCode });
        Assert.Empty(await _host.EditedRowsAsync());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ServerSecret_IsA32ByteKeyFileOutsideTheCatalog_ReadableByTheOwnerOnly()
    {
        var file = Path.Combine(_host.Data, "keys", "credentials.key");

        await _host.SignInAsync(ApiHost.Administrator);

        Assert.Equal(CredentialBinding.SecretLength, (await File.ReadAllBytesAsync(file)).Length);
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
    }

    private static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
