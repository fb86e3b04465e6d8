using Bunit;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Web.Components;

namespace EvidenceVault.Web.Tests.Components;

public sealed class RecordingPlayerTests : ComponentContext
{
    private static readonly Sha256Digest Digest = Sha256Digest.Parse(new string('a', 64));

    [Fact]
    public void Render_UnderAGrant_EveryMediaUrlCarriesTheGrantEscaped()
    {
        var player = Render<RecordingPlayer>(p => p.Add(c => c.Recording, Recording(null)).Add(c => c.Grant, "R-7 & more"));

        var video = player.Find("video");
        Assert.Equal($"/evidence/{RecordingId.For(Digest).Value}/proxy?grant=R-7%20%26%20more", video.GetAttribute("src"));
        Assert.EndsWith("/thumbnail?grant=R-7%20%26%20more", video.GetAttribute("poster"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RecordedAtAMoment_GivesTheScriptThatMomentAndTheStationsOffset()
    {
        var made = new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero);

        var player = Render<RecordingPlayer>(p => p.Add(c => c.Recording, Recording(made)));

        var figure = player.Find("[data-player]");
        Assert.Equal(made.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), figure.GetAttribute("data-recorded-at"));
        Assert.Equal("480", figure.GetAttribute("data-zone-offset-minutes"));
    }

    [Fact]
    public void Render_Speeds_RunFromAQuarterToTwiceWithNormalChosen()
    {
        var player = Render<RecordingPlayer>(p => p.Add(c => c.Recording, Recording(null)));

        var options = player.FindAll("[data-speed] option");
        Assert.Equal(["0.25", "0.5", "1", "1.5", "2"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal("1", Assert.Single(options, o => o.HasAttribute("selected")).GetAttribute("value"));
        Assert.Equal("0", player.Find("[data-player]").GetAttribute("data-zone-offset-minutes"));
    }

    private static RecordingEntry Recording(DateTimeOffset? recordedAt) => new()
    {
        Id = RecordingId.For(Digest),
        Sha256 = Digest,
        SizeBytes = 1024,
        Kind = RecordingKind.Video,
        Format = "mp4",
        SourcePath = "DCIM/a.mp4",
        IngestedAt = DateTimeOffset.UnixEpoch,
        StationClock = DateTimeOffset.UnixEpoch,
        Status = IngestStatus.Stored,
        RecordedAt = recordedAt,
    };
}
