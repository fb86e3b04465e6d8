using System.Net;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api.Tests;

/// <summary>Retrieval requests in the web app over HTTP: asked for in a form, decided from the approver's inbox.</summary>
public sealed class WebRetrievalTests : WebAppTestBase
{
    [Fact]
    public async Task Inbox_TheDepartmentHead_SeesExactlyWhichRecordingsAndWhoseButAnotherOfficerCannotAskForThem()
    {
        await Host.SignInAsync(ApiHost.UserFor(Role.Reviewer));
        await Host.SignInAsync(ApiHost.Leader);
        var reviewer = await SignedInAsync(ApiHost.UserFor(Role.Reviewer));
        var leader = await SignedInAsync(ApiHost.Leader);
        var outsider = await SignedInAsync(OtherOfficer);
        var today = Host.StationToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var requested = await reviewer.PostFormAsync("/grants", await PageAsync(reviewer, "/grants"), "request", new()
        {
            ["Request.Recordings"] = Host.RecordingId,
            ["Request.Purpose"] = "行政复议审查",
            ["Request.From"] = today,
            ["Request.Until"] = today,
        });
        Assert.Single(await Host.SendAsync(new Application.Retrieval.ListRetrievalsQuery(false)));
        var inbox = await PageAsync(leader, "/grants");
        var outsiderPage = await PageAsync(outsider, "/grants");

        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.Matches($"data-recording=\"{Host.RecordingId}\"><span class=\"mono\">{Host.RecordingId}</span> · {ApiHost.OfficerNumber.Value} ·", inbox);
        Assert.Contains("data-test=\"approve\"", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain(Host.RecordingId, outsiderPage, StringComparison.Ordinal);
        Assert.Contains(await Host.CustodyAsync("retrieval-recordings"), e => e.Actor == ApiHost.Leader);
    }
}
