using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class CredentialStoreTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    private static readonly UserName Li = UserName.Parse("li");

    [Fact]
    public async Task Failures_CountedInOneTransactionWithTheirCustodyEntries_ClearedBySignIn()
    {
        var store = await StoreWithUserAsync();

        await store.RecordFailureAsync(Li, s => (s.AfterFailure(Now, SignInPolicy.Default), [Entry(CustodyActions.SignInFailed)]), CancellationToken.None);
        var second = await store.RecordFailureAsync(Li, s => (s.AfterFailure(Now, SignInPolicy.Default), [Entry(CustodyActions.SignInFailed)]), CancellationToken.None);
        await store.StartSessionAsync(new Session(new string('b', 64), Li, Now, Now, null), Entry(CustodyActions.SignedIn), CancellationToken.None);

        Assert.Equal(2, second.FailedAttempts);
        Assert.Equal(SignInState.Clear, (await store.FindAsync(Li, CancellationToken.None))!.SignIn);
        Assert.Equal([CustodyActions.UserSaved, CustodyActions.SignInFailed, CustodyActions.SignInFailed, CustodyActions.SignedIn], (await Custody.ReadAsync("li", CancellationToken.None)).Select(r => r.Entry.Action));
    }

    [Fact]
    public async Task SetPassword_StoresTheHashWithItsSealClearsTheLockAndEndsOpenSessions()
    {
        var store = await StoreWithUserAsync();
        var session = new Session(new string('c', 64), Li, Now, Now, null) { Seal = "session-seal" };
        await store.StartSessionAsync(session, Entry(CustodyActions.SignedIn), CancellationToken.None);
        await store.RecordFailureAsync(Li, _ => (new SignInState(0, Now.AddMinutes(10)), []), CancellationToken.None);

        await store.SetPasswordAsync(Li, "pbkdf2-sha256$v1$1$AAAA$AAAA", "password-seal", Now.AddMinutes(1), Entry(CustodyActions.PasswordSet), CancellationToken.None);
        await store.TouchSessionAsync(session.Id, Now.AddMinutes(2), CancellationToken.None);
        var stored = await store.FindAsync(Li, CancellationToken.None);
        var ended = await store.FindSessionAsync(session.Id, CancellationToken.None);

        Assert.Equal(("pbkdf2-sha256$v1$1$AAAA$AAAA", "password-seal", Now.AddMinutes(1)), (stored!.PasswordHash, stored.PasswordSeal, stored.PasswordSetAt));
        Assert.Equal([stored], await store.ListAsync(CancellationToken.None));
        Assert.Equal("session-seal", ended!.Seal);
        Assert.Equal([ended], await store.SessionsAsync(CancellationToken.None));
        Assert.False(stored.SignIn.IsLockedAt(Now.AddMinutes(1)));
        Assert.Equal(Now.AddMinutes(1), ended.EndedAt);
        Assert.Equal(Now, ended.LastSeenAt);
    }

    [Fact]
    public async Task StationKeys_AddFindTouchRevoke_RoundTrip()
    {
        await StoreWithUserAsync();
        var keys = new SqlStationKeyStore(Database);
        var key = new StationKey(0, "evk_0a1b2c3d", StationName.Parse("DS-07"), Li, Now, "admin", null, null, null) { Seal = "key-seal" };

        var added = await keys.AddAsync(key, new string('d', 64), Entry(CustodyActions.StationKeyIssued), CancellationToken.None);
        await keys.TouchAsync(added.Id, Now.AddMinutes(5), CancellationToken.None);
        await keys.RevokeAsync(added.Id, Now.AddMinutes(6), "admin", Entry(CustodyActions.StationKeyRevoked), CancellationToken.None);
        var found = await keys.FindByDigestAsync(new string('d', 64), CancellationToken.None);

        Assert.True(added.Id > 0);
        Assert.Equal(("key-seal", new string('d', 64)), (found!.Seal, found.Digest));
        Assert.Equal(added with { LastUsedAt = Now.AddMinutes(5), RevokedAt = Now.AddMinutes(6), RevokedBy = "admin" }, found);
        Assert.Null(await keys.FindByDigestAsync(new string('e', 64), CancellationToken.None));
        Assert.Single(await keys.ListAsync(CancellationToken.None));
    }

    private async Task<SqlCredentialStore> StoreWithUserAsync()
    {
        var user = new User(Li, "李四", "二中队", new HashSet<Role> { Role.Officer }, false, false, null, true);
        await new SqlUserStore(Database).SaveAsync(user, Entry(CustodyActions.UserSaved), CancellationToken.None);
        return new SqlCredentialStore(Database);
    }

    private static CustodyEntry Entry(string action) => new(Now, "tester", action, "li", "{}");
}
