using System.Reflection;
using System.Text.Json;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Registry;
using EvidenceVault.Application.Retention;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Custody;

/// <summary>
/// The typed details write the JSON the ledgers have always held (camelCase, the same property order), so existing
/// ledgers still verify and read. Each golden string is also what the anonymous object written before typed details
/// produced; a change here changes every new entry, and must be deliberate.
/// </summary>
public sealed class CustodyDetailsJsonTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 9, 30, 15, TimeSpan.FromHours(8));
    private readonly CustodyEntries _custody = new(new AdminActor(), new FakeTimeProvider(At));

    [Fact]
    public void Entry_RecordingIngested_WritesTheGoldenJsonWithItsFacts()
    {
        var details = new RecordingIngestedDetails("张三/clip.mp4", "stored", "ab", 42, ["late-upload"], null, new AttributedFacts("A123456", "010203", At, "name:generic", 3));

        var entry = _custody.Entry("0123456789abcdef", details);

        Assert.Equal(CustodyActions.Ingested, entry.Action);
        Assert.Equal(
            """{"path":"\u5F20\u4E09/clip.mp4","status":"stored","sha256":"ab","size":42,"reasons":["late-upload"],"facts":{"device":"A123456","officer":"010203","recordedAt":"2025-03-01T09:30:15+08:00","recordedAtSource":"name:generic","mark":3}}""",
            entry.Details);
        Assert.StartsWith(JsonSerializer.Serialize(new { path = "张三/clip.mp4", status = "stored", sha256 = "ab", size = 42L, reasons = new[] { "late-upload" } })[..^1], entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_ManualAndAutomaticLinks_KeepTheirEarlierShapes()
    {
        var manual = _custody.Entry("C-1", new RecordingLinkedDetails("r1", null, "Investigation", "manual", "on-site footage", "笔录"));
        var automatic = _custody.Entry("C-1", new RecordingLinkedDetails("r1", 7, "Investigation", "automatic", "officer and time", null));

        Assert.Equal(JsonSerializer.Serialize(new { recording = "r1", stage = "Investigation", origin = "manual", reason = "on-site footage", documentType = "笔录" }), manual.Details);
        Assert.Equal(JsonSerializer.Serialize(new { recording = "r1", activityId = 7L, stage = "Investigation", origin = "automatic", reason = "officer and time" }), automatic.Details);
        Assert.Equal("""{"recording":"r1","activityId":7,"stage":"Investigation","origin":"automatic","reason":"officer and time"}""", automatic.Details);
    }

    [Fact]
    public void Entry_TombstoneBindingAndUser_WriteWhatTheAnonymousObjectsWrote()
    {
        var tombstone = _custody.Entry("r1", new DeletionDestroyedDetails(3, "ab", 42, "6-months", [new TombstoneApproval("li", "term over", At)], "zhang"));
        var bound = _custody.Entry("A123456", new DeviceBoundDetails(2, "010203", At, null, [1], null));
        var user = _custody.Entry("zhang", new UserSavedDetails("张三", "一中队", ["officer"], false, false, "010203", true));

        Assert.Equal(
            JsonSerializer.Serialize(new { proposal = 3L, sha256 = "ab", size = 42L, rule = "6-months", approvers = new[] { new { approver = "li", reason = "term over", at = At } }, proposedBy = "zhang" }),
            tombstone.Details);
        Assert.Equal(JsonSerializer.Serialize(new { bindingId = 2L, officer = "010203", from = At, to = (DateTimeOffset?)null, closes = new[] { 1L }, source = (string?)null }), bound.Details);
        Assert.Equal(
            JsonSerializer.Serialize(new { displayName = "张三", department = "一中队", roles = new[] { "officer" }, departmentHead = false, senior = false, officer = "010203", active = true }),
            user.Details);
        Assert.Equal("""{"bindingId":2,"officer":"010203","from":"2025-03-01T09:30:15+08:00","to":null,"closes":[1],"source":null}""", bound.Details);
    }

    [Fact]
    public void Read_EntriesWrittenBeforeTypedDetails_ReadAsTheirRecords()
    {
        var old = new CustodyEntry(At, "admin", CustodyActions.Ingested, "r1", """{"path":"clip.mp4","status":"stored","sha256":"ab","size":42,"reasons":[]}""");
        var signedIn = new CustodyEntry(At, "zhang", CustodyActions.SignedIn, "zhang", """{"session":"0123456789ab","from":null}""");

        var ingested = CustodyEntries.Read<RecordingIngestedDetails>(old);

        Assert.Equal(("clip.mp4", 42L, (AttributedFacts?)null), (ingested!.Path, ingested.Size, ingested.Facts));
        Assert.Equal(new SignedInDetails("0123456789ab", null), CustodyEntries.Read<SignedInDetails>(signedIn));
        Assert.Null(CustodyEntries.Read<SignedOutDetails>(signedIn));
    }

    [Fact]
    public void Read_WhatEntryWrote_GivesTheRecordBack()
    {
        var written = new MarkSetDetails("complaint", "C-1", "12345 hotline");

        Assert.Equal(written, CustodyEntries.Read<MarkSetDetails>(_custody.Entry("r1", written)));
    }

    /// <summary>One sealed record per action: two records claiming one action would make reading ambiguous.</summary>
    [Fact]
    public void Details_EveryRecordIsSealedAndNamesItsOwnAction()
    {
        var records = typeof(ICustodyDetails).Assembly.GetTypes().Where(t => t.IsClass && typeof(ICustodyDetails).IsAssignableFrom(t)).ToList();
        var actions = records.Select(t => (string)t.GetProperty(nameof(ICustodyDetails.Action), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ToList();
        var known = typeof(CustodyActions).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.All(records, t => Assert.True(t.IsSealed, $"{t.Name} is not sealed"));
        Assert.Equal(actions.Count, actions.Distinct().Count());
        Assert.Equal(known.Order(), actions.Order());
    }

    private sealed class AdminActor : IActorContext
    {
        public string Actor => "admin";
    }
}
