using System.Text;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Station;
using EvidenceVault.Application.Tests.Fakes;

namespace EvidenceVault.Application.Tests.Station;

public sealed class ClockReadingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly FakeRecorderSource _recorder = new();

    [Fact]
    public async Task Read_LocalTimeInTheClockFile_IsTheOffsetInTheStationZone()
    {
        // 10:00:42 in Shanghai is 02:00:42 UTC: the recorder runs 42 s fast.
        var reading = await ReadAsync("SYSTEM/TIME.TXT", "2026-12-07 10:00:42\r\n");

        Assert.Equal(42, reading.OffsetSeconds);
        Assert.Equal("clock-file:SYSTEM/TIME.TXT", reading.Source);
    }

    [Fact]
    public async Task Read_TimeWithItsOwnOffset_UsesThatOffset()
    {
        var reading = await ReadAsync("SYSTEM/TIME.TXT", "2026-12-07T01:59:00Z");

        Assert.Equal(-60, reading.OffsetSeconds);
    }

    [Fact]
    public async Task Read_ClockFileWithoutATime_IsUnknownAndSaysWhy()
    {
        var reading = await ReadAsync("SYSTEM/TIME.TXT", "firmware 2.1");

        Assert.Null(reading.OffsetSeconds);
        Assert.Contains("does not hold a time", reading.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NoClockFileOnTheRecorder_IsUnknown()
    {
        var reading = await ReadAsync("OTHER.TXT", "2026-12-07 10:00:42");

        Assert.Null(reading.OffsetSeconds);
        Assert.Contains("has no SYSTEM/TIME.TXT", reading.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_MtpRecorderWithoutClockFile_SaysMtpExposesNoClock()
    {
        var reading = await ClockReading.ReadAsync(_recorder, [], DockKind.Mtp, "SYSTEM/TIME.TXT", Shanghai, Now, CancellationToken.None);

        Assert.Null(reading.OffsetSeconds);
        Assert.Contains("MTP exposes no device clock", reading.Source, StringComparison.Ordinal);
    }

    private async Task<ClockReading> ReadAsync(string path, string content)
    {
        _recorder.Files[path] = Encoding.UTF8.GetBytes(content);
        var entries = new List<SourceEntry>();
        await foreach (var entry in _recorder.EnumerateAsync(CancellationToken.None))
        {
            entries.Add(entry);
        }

        return await ClockReading.ReadAsync(_recorder, entries, DockKind.MassStorage, "SYSTEM/TIME.TXT", Shanghai, Now, CancellationToken.None);
    }
}
