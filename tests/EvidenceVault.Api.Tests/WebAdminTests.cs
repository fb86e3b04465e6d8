using System.Net;
using System.Text.RegularExpressions;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api.Tests;

/// <summary>The archive and administration pages over HTTP: two-person deletions, station keys, CSV imports, users.</summary>
public sealed partial class WebAdminTests : WebAppTestBase
{
    [Fact]
    public async Task Archive_TwoArchivistsApproveADeletion_TheSamePersonTwiceIsRefused()
    {
        await Host.AddUserAsync("archivist2", null, Role.Archivist);
        foreach (var archivist in new[] { ApiHost.UserFor(Role.Archivist), "archivist2" })
        {
            await Host.SignInAsync(archivist);
        }

        Host.Time.Advance(TimeSpan.FromDays(3650));
        var first = await SignedInAsync(ApiHost.UserFor(Role.Archivist));
        var second = await SignedInAsync("archivist2");
        var officer = await SignedInAsync(ApiHost.Actor);

        using var refused = await officer.GetAsync("/archive");
        var page = await (await first.GetAsync("/archive")).Content.ReadAsStringAsync();
        using var proposed = await first.PostFormAsync("/archive", page, "propose", []);
        page = await proposed.Content.ReadAsStringAsync();
        var id = ProposalId().Match(page).Groups[1].Value;
        using var approved = await first.PostFormAsync("/archive", page, $"approve-{id}", new() { ["Decision.Reason"] = "期限届满", ["Decision.AcknowledgeRisk"] = "true" });
        page = await approved.Content.ReadAsStringAsync();
        using var again = await first.PostFormAsync("/archive", page, $"approve-{id}", new() { ["Decision.Reason"] = "再次批准", ["Decision.AcknowledgeRisk"] = "true" });
        var secondPage = await (await second.GetAsync("/archive")).Content.ReadAsStringAsync();
        using var byAnother = await second.PostFormAsync("/archive", secondPage, $"approve-{id}", new() { ["Decision.Reason"] = "同意", ["Decision.AcknowledgeRisk"] = "true" });
        var final = await byAnother.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("", id);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("data-test=\"problem\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byAnother.StatusCode);
        Assert.Contains("data-test=\"recovery-window\"", final, StringComparison.Ordinal);
        Assert.Contains(await Host.CustodyAsync(), e => e.Action == "deletion.approved" && e.Actor == "archivist2");
    }

    [Fact]
    public async Task Admin_IssuedStationKey_IsShownOnceUncachedAndAuthenticates()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        using var refused = await (await SignedInAsync(ApiHost.Actor)).GetAsync("/admin");
        using var issued = await admin.PostFormAsync("/admin", await PageAsync(admin, "/admin"), "issue-key", new() { ["Key.Station"] = "DS-09", ["Key.User"] = ApiHost.Actor });
        var page = await issued.Content.ReadAsStringAsync();
        var secret = KeySecret().Match(page).Groups[1].Value;
        var again = await PageAsync(admin, "/admin");
        var proof = await Host.SendAsync(new Application.Authentication.AuthenticateCommand(Application.Authentication.CredentialKind.StationKey, secret));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("", secret);
        Assert.Equal("no-store", issued.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Equal(ApiHost.Actor, proof.User?.Name.Value);
    }

    [Fact]
    public async Task Admin_CsvWithTwoBadLines_NamesBothAndImportsNothing()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        const string csv = "number,name,certificate,unit\n070809,李四,11010001,一中队\n,缺编号\n070811\n";
        using var import = await admin.PostFormAsync("/admin", await PageAsync(admin, "/admin"), "import", new() { ["Import.Kind"] = "officers", ["Import.Csv"] = csv });
        var page = WebUtility.HtmlDecode(await import.Content.ReadAsStringAsync());
        var registry = await Host.SendAsync(new Application.Registry.ListRegistryQuery());

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("Line 3", page, StringComparison.Ordinal);
        Assert.Contains("Line 4", page, StringComparison.Ordinal);
        Assert.DoesNotContain(registry.Officers, o => o.Number.Value == "070809");
    }

    [Fact]
    public async Task Admin_DisablingAUser_EndsTheirOpenWebSession()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        var victim = await SignedInAsync(OtherOfficer);
        var page = await PageAsync(admin, "/admin");
        using var disabled = await admin.PostFormAsync("/admin", page, $"disable-{OtherOfficer}", []);
        using var after = await victim.GetAsync("/evidence");

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.EndsWith("&ended=true", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-test=\"key-secret\">([^<]+)<")]
    private static partial Regex KeySecret();

    [GeneratedRegex("data-proposal=\"(\\d+)\"")]
    private static partial Regex ProposalId();
}
