using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Tests.Access;

public sealed class RecordingAccessTests
{
    private readonly AccessFixture _f = new();

    [Fact]
    public async Task RequireBytes_NoUsers_AccessControlOff()
    {
        _f.Access.Actor = "root@station";

        Assert.Null(await _f.Recordings.RequireBytesAsync([_f.LisRecording], null, CancellationToken.None));
        Assert.Equal(0, _f.Denials);
    }

    [Fact]
    public async Task RequireBytes_OwnRecording_NoGrantNeeded()
    {
        _f.WithStaff().Access.Actor = "zhang";

        Assert.Null(await _f.Recordings.RequireBytesAsync([_f.ZhangsRecording], null, CancellationToken.None));
    }

    [Fact]
    public async Task RequireBytes_AnotherOfficersRecording_DeniedAndLoggedAgainstTheRecording()
    {
        _f.WithStaff().Access.Actor = "zhang";

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireBytesAsync([_f.LisRecording], null, CancellationToken.None));

        Assert.Contains("grant", ex.Message, StringComparison.Ordinal);
        var denial = Assert.Single(_f.Catalog.Custody);
        Assert.Equal((CustodyActions.AccessDenied, _f.LisRecording.Id.Value, "zhang"), (denial.Action, denial.Subject, denial.Actor));
    }

    [Fact]
    public async Task RequireBytes_ActiveGrant_ReturnsIt()
    {
        _f.WithStaff().Access.Actor = "wang";
        var grant = _f.Grant("wang", _f.LisRecording);

        Assert.Equal(grant, await _f.Recordings.RequireBytesAsync([_f.LisRecording], grant.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RequireBytes_GrantExpiresWhileTimePasses_DeniedFromThen()
    {
        _f.WithStaff().Access.Actor = "wang";
        var grant = _f.Grant("wang", _f.LisRecording);
        await _f.Recordings.RequireBytesAsync([_f.LisRecording], grant.Id, CancellationToken.None);

        _f.Time.Advance(TimeSpan.FromDays(1));

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireBytesAsync([_f.LisRecording], grant.Id, CancellationToken.None));
        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"grant\":\"R-1\"", Assert.Single(_f.Catalog.Custody).Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RetrievalStatus.Revoked)]
    [InlineData(RetrievalStatus.Pending)]
    [InlineData(RetrievalStatus.Rejected)]
    public async Task RequireBytes_GrantNotApproved_Denied(RetrievalStatus status)
    {
        _f.WithStaff().Access.Actor = "wang";
        var grant = _f.Grant("wang", _f.LisRecording, status);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireBytesAsync([_f.LisRecording], grant.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RequireBytes_SomeoneElsesGrant_Denied()
    {
        _f.WithStaff().Access.Actor = "zhang";
        var grant = _f.Grant("wang", _f.LisRecording);

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireBytesAsync([_f.LisRecording], grant.Id, CancellationToken.None));

        Assert.Contains("given to wang", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireBytes_GrantForAnotherRecording_Denied()
    {
        _f.WithStaff().Access.Actor = "wang";
        var grant = _f.Grant("wang", _f.LisRecording);

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireBytesAsync([_f.ZhangsRecording], grant.Id, CancellationToken.None));

        Assert.Contains("does not cover", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireBytes_HolderDisabled_DeniedDespiteActiveGrant()
    {
        _f.WithStaff().Access.Actor = "wang";
        var grant = _f.Grant("wang", _f.LisRecording);
        var wang = _f.Access.Users[UserName.Parse("wang")];
        _f.Access.Users[wang.Name] = wang with { IsActive = false };

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireBytesAsync([_f.LisRecording], grant.Id, CancellationToken.None));

        Assert.Contains("disabled", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireMetadata_ArchivistYesReviewerWithoutGrantNo()
    {
        _f.WithStaff().AddUser("dang", "档案室", null, Role.Archivist);
        _f.Access.Actor = "dang";
        Assert.Null(await _f.Recordings.RequireMetadataAsync(_f.LisRecording, null, CancellationToken.None));

        _f.Access.Actor = "wang";
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireMetadataAsync(_f.LisRecording, null, CancellationToken.None));
    }

    [Fact]
    public async Task RequireAsync_UnknownActorOnceUsersExist_Denied()
    {
        _f.WithStaff().Access.Actor = "root@station";

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireAsync([_f.ZhangsRecording.Id], null, CancellationToken.None));

        Assert.Contains("not a user", ex.Message, StringComparison.Ordinal);
    }
}
