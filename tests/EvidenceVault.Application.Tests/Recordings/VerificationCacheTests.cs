using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Recordings;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Recordings;

public sealed class VerificationCacheTests
{
    private static readonly RecordingId Id = RecordingId.Parse("0123456789abcdef0123");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Find_WithinWindow_ReturnsTheVerificationOfThatTargetOnly()
    {
        var cache = new VerificationCache(new RetrievalLimits(), _time);
        var remembered = cache.Remember(Id, RetrievalTarget.Proxy, "ab", 10);
        _time.Advance(TimeSpan.FromSeconds(59));

        Assert.Equal(remembered, cache.Find(Id, RetrievalTarget.Proxy));
        Assert.Null(cache.Find(Id, RetrievalTarget.Original));
    }

    [Fact]
    public void Find_WindowPassed_Null()
    {
        var cache = new VerificationCache(new RetrievalLimits(), _time);
        cache.Remember(Id, RetrievalTarget.Original, "ab", 10);
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Null(cache.Find(Id, RetrievalTarget.Original));
    }

    [Fact]
    public void Find_ZeroWindow_NeverReuses()
    {
        var cache = new VerificationCache(new RetrievalLimits { VerifiedFor = TimeSpan.Zero }, _time);
        cache.Remember(Id, RetrievalTarget.Original, "ab", 10);

        Assert.Null(cache.Find(Id, RetrievalTarget.Original));
    }

    [Fact]
    public void Forget_AnyTargetFailed_ForgetsEveryTargetOfTheRecording()
    {
        var cache = new VerificationCache(new RetrievalLimits(), _time);
        var other = RecordingId.Parse("fedcba98765432100123");
        cache.Remember(Id, RetrievalTarget.Original, "ab", 10);
        cache.Remember(Id, RetrievalTarget.Proxy, "cd", 5);
        cache.Remember(other, RetrievalTarget.Original, "ef", 7);

        cache.Forget(Id);

        Assert.Null(cache.Find(Id, RetrievalTarget.Original));
        Assert.Null(cache.Find(Id, RetrievalTarget.Proxy));
        Assert.NotNull(cache.Find(other, RetrievalTarget.Original));
    }
}
