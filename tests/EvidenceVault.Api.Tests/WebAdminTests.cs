using System.Net;
using System.Text.RegularExpressions;
using EvidenceVault.Application.Custody;
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
        using var early = await second.PostFormAsync("/archive", final, "purge", []);
        Host.Time.Advance(TimeSpan.FromDays(400));
        var later = await SignedInAsync("archivist2"); // the earlier sessions have long been idle
        using var purged = await later.PostFormAsync("/archive", await (await later.GetAsync("/archive")).Content.ReadAsStringAsync(), "purge", []);

        Assert.Matches($"data-test=\"not-by\">[^<]*{ApiHost.UserFor(Role.Archivist)}", secondPage);
        Assert.Contains("已销毁 0 条", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("已销毁 1 条", await purged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(Host.VaultObject));
        Assert.Contains(await Host.CustodyAsync(), e => e.Action == CustodyActions.DeletionDestroyed && e.Actor == "archivist2");
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
    public async Task Archive_FixityRunFromThePage_FindsASwappedOriginalAndRaisesAnIncident()
    {
        await Host.SignInAsync(ApiHost.UserFor(Role.Archivist));
        File.SetAttributes(Host.VaultObject, FileAttributes.Normal);
        var bytes = await File.ReadAllBytesAsync(Host.VaultObject);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(Host.VaultObject, bytes);
        var archivist = await SignedInAsync(ApiHost.UserFor(Role.Archivist));

        using var swept = await archivist.PostFormAsync("/archive", await PageAsync(archivist, "/archive"), "fixity", []);
        var page = await swept.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, swept.StatusCode);
        Assert.Matches("data-test=\"fixity\" class=\"late\">已核验 [1-9][0-9]* 条：1 条受损，新增 1 个完整性事件", page);
        Assert.Contains($"/evidence/{Host.RecordingId}", page, StringComparison.Ordinal);
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

    [Fact]
    public async Task Admin_RolesEditedInThePage_TakeEffectButAnOfficerCannotPostTheSameForm()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        var officer = await SignedInAsync(OtherOfficer);
        var page = await PageAsync(admin, "/admin");
        var promote = new Dictionary<string, string> { ["Edit.DisplayName"] = "王五", ["Edit.Department"] = "法制科", ["Edit.Officer"] = "040506", ["Edit.Roles"] = "Reviewer" };

        using var forged = await officer.PostFormAsync("/admin", await PageAsync(officer, "/evidence"), "/sign-out", new(promote) { ["_handler"] = $"edit-user-{OtherOfficer}", ["Edit.Roles"] = "Administrator" });
        using var edited = await admin.PostFormAsync("/admin", page, $"edit-user-{OtherOfficer}", promote);
        var users = await Host.SendAsync(new Application.Access.ListUsersQuery());

        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var changed = users.Single(u => u.Name.Value == OtherOfficer);
        Assert.Equal([Role.Reviewer], changed.Roles);
        Assert.Equal("法制科", changed.Department);
        Assert.Contains(await Host.CustodyAsync(OtherOfficer), e => e.Action == CustodyActions.UserSaved && e.Actor == ApiHost.Administrator);
        Assert.DoesNotContain(await Host.CustodyAsync(OtherOfficer), e => e.Action == CustodyActions.UserSaved && e.Actor == OtherOfficer);
    }

    [Fact]
    public async Task Admin_OfficerAndDeviceAddedOneByOneAndBound_AreInTheRegistryAndOnTheLedger()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);

        using var officer = await admin.PostFormAsync("/admin", await PageAsync(admin, "/admin"), "save-officer", new() { ["NewOfficer.Number"] = "070901", ["NewOfficer.Name"] = "赵六", ["NewOfficer.Certificate"] = "11010099", ["NewOfficer.Unit"] = "二中队" });
        using var device = await admin.PostFormAsync("/admin", await PageAsync(admin, "/admin"), "save-device", new() { ["NewDevice.Serial"] = "DSJ-V9-0042", ["NewDevice.Model"] = "DSJ-V9" });
        using var bound = await admin.PostFormAsync("/admin", await PageAsync(admin, "/admin"), "bind-device", new() { ["Binding.Device"] = "DSJ-V9-0042", ["Binding.Officer"] = "070901", ["Binding.From"] = "2026-12-01T08:00" });
        using var unknown = await admin.PostFormAsync("/admin", await PageAsync(admin, "/admin"), "bind-device", new() { ["Binding.Device"] = "DSJ-V9-0042", ["Binding.Officer"] = "999999", ["Binding.From"] = "2026-12-02T08:00" });
        var page = await bound.Content.ReadAsStringAsync();
        var registry = await Host.SendAsync(new Application.Registry.ListRegistryQuery());

        Assert.Equal(HttpStatusCode.OK, officer.StatusCode);
        Assert.Contains("data-officer=\"070901\"", page, StringComparison.Ordinal);
        Assert.Matches("data-device=\"DSJ-V9-0042\"[^§]*?070901 · 2026-12-01 08:00:00", page);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("070901", Assert.Single(registry.Bindings, b => b.Device.Value == "DSJ-V9-0042").Officer.Value);
        Assert.Contains(await Host.CustodyAsync("DSJ-V9-0042"), e => e.Action == CustodyActions.DeviceBound && e.Actor == ApiHost.Administrator);
        Assert.Contains(await Host.CustodyAsync("070901"), e => e.Action == CustodyActions.OfficerSaved && e.Actor == ApiHost.Administrator);
    }

    [GeneratedRegex("data-test=\"key-secret\">([^<]+)<")]
    private static partial Regex KeySecret();

    [GeneratedRegex("data-proposal=\"(\\d+)\"")]
    private static partial Regex ProposalId();
}
