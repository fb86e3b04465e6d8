using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Tests.Access;

public sealed class RetrievalApprovalTests
{
    private readonly AccessFixture _f = new AccessFixture().WithStaff();

    [Fact]
    public async Task Approve_ByTheRequester_DeniedEvenWhenTheyCouldApprove()
    {
        var request = Pending("li", TierKind.OwnDepartment, "二中队");
        _f.Access.Actor = "li";

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => ApproveAsync(request));

        Assert.Contains("may not decide", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RetrievalStatus.Pending, _f.Access.Requests[request.Id].Status);
    }

    [Fact]
    public async Task Approve_WrongDepartmentHead_DeniedNamingTheRequiredApprover()
    {
        var request = Pending("wang", TierKind.OtherDepartment, "一中队");
        _f.Access.Actor = "li";

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => ApproveAsync(request));

        Assert.Contains("head of department '一中队'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _f.Denials);
    }

    [Fact]
    public async Task Approve_RightDepartmentHead_BecomesGrantWithCustodyEntry()
    {
        var request = Pending("wang", TierKind.OtherDepartment, "二中队");
        _f.Access.Actor = "li";

        var approved = await ApproveAsync(request);

        Assert.Equal(RetrievalStatus.Approved, approved.Status);
        Assert.Equal("li", approved.Decision!.By.Value);
        var entry = _f.Access.Custody.Last();
        Assert.Equal((CustodyActions.RetrievalApproved, "R-1"), (entry.Action, entry.Subject));
    }

    [Fact]
    public async Task Approve_OutsideAgencyByDepartmentHead_DeniedBySeniorAllowed()
    {
        var request = Pending("wang", TierKind.OutsideAgency, null);
        _f.Access.Actor = "li";
        await Assert.ThrowsAsync<AccessDeniedException>(() => ApproveAsync(request));

        _f.Access.Actor = "boss";
        Assert.Equal(RetrievalStatus.Approved, (await ApproveAsync(request)).Status);
    }

    [Fact]
    public async Task Approve_AlreadyDecided_RefusedAsRuleNotPermission()
    {
        var request = Pending("wang", TierKind.OtherDepartment, "二中队");
        _f.Access.Actor = "li";
        await ApproveAsync(request);

        await Assert.ThrowsAsync<AccessRuleException>(() => ApproveAsync(request));
    }

    [Fact]
    public async Task Revoke_ByHolder_StopsTheGrant()
    {
        var request = Pending("wang", TierKind.OtherDepartment, "二中队");
        _f.Access.Actor = "li";
        await ApproveAsync(request);
        _f.Access.Actor = "wang";

        var revoked = await new RevokeGrantHandler(_f.Access, _f.Control, _f.Entries).Handle(new RevokeGrantCommand(request.Id, "done"), CancellationToken.None);

        Assert.Equal(RetrievalStatus.Revoked, revoked.Status);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireBytesAsync([_f.LisRecording], request.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_ByUnrelatedOfficer_Denied()
    {
        var request = Pending("wang", TierKind.OtherDepartment, "二中队");
        _f.Access.Actor = "zhang";

        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
            await new RevokeGrantHandler(_f.Access, _f.Control, _f.Entries).Handle(new RevokeGrantCommand(request.Id, null), CancellationToken.None));
    }

    [Fact]
    public async Task ListRecordings_ByTheApprover_NamesEachRecordingsOfficerAndIsLogged()
    {
        var request = Pending("wang", TierKind.OtherDepartment, "二中队");
        _f.Access.Actor = "li";

        var items = await ListRecordingsAsync(request);

        var item = Assert.Single(items);
        Assert.Equal((_f.LisRecording.Id, AccessFixture.LiNumber), (item.Recording, item.Officer));
        Assert.Contains(_f.Catalog.Custody, e => e.Subject == "retrieval-recordings" && e.Actor == "li");
    }

    [Fact]
    public async Task ListRecordings_ByAnUnrelatedOfficer_DeniedAndLogged()
    {
        var request = Pending("wang", TierKind.OtherDepartment, "二中队");
        _f.Access.Actor = "zhang";

        await Assert.ThrowsAsync<AccessDeniedException>(() => ListRecordingsAsync(request));

        Assert.Equal(1, _f.Denials);
        Assert.DoesNotContain(_f.Catalog.Custody, e => e.Subject == "retrieval-recordings");
    }

    private RetrievalRequest Pending(string requester, TierKind kind, string? department)
    {
        var request = _f.Grant(requester, _f.LisRecording, RetrievalStatus.Pending) with { Tier = new ApprovalTier(kind, department) };
        _f.Access.Requests[request.Id] = request;
        return request;
    }

    private async Task<IReadOnlyList<RetrievalItem>> ListRecordingsAsync(RetrievalRequest request) =>
        await new ListRetrievalRecordingsHandler(_f.Access, _f.Control, _f.Catalog, new ListAccess(_f.Control, _f.Access, _f.Access, _f.Catalog, _f.Entries, _f.Time))
            .Handle(new ListRetrievalRecordingsQuery(request.Id), CancellationToken.None);

    private async Task<RetrievalRequest> ApproveAsync(RetrievalRequest request) =>
        await new ApproveRetrievalHandler(_f.Access, new RetrievalDecisions(_f.Access, _f.Control), _f.Entries)
            .Handle(new ApproveRetrievalCommand(request.Id, null), CancellationToken.None);
}
