using System.Collections.Concurrent;
using EvidenceVault.Application.Disclosure;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Hosting.Tests;

public sealed class PublicationSchedulerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 8, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TimeAdvances_EachInterval_RunsBothUpkeepsOnce()
    {
        var sender = new RecordingSender();
        using var scheduler = new PublicationScheduler(sender, Options(Interval), _time, NullLogger<PublicationScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        var beforeTheInterval = sender.Sent.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await sender.WaitForAsync(2);
        _time.Advance(Interval);
        await sender.WaitForAsync(4);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(0, beforeTheInterval);
        Assert.Equal([nameof(EndDisplayPeriodsCommand), nameof(PublishLedgerHeadsCommand), nameof(EndDisplayPeriodsCommand), nameof(PublishLedgerHeadsCommand)], sender.Sent.Take(4));
    }

    [Fact]
    public async Task Run_UpkeepThrows_OtherUpkeepStillRunsAndNextTickTriesAgain()
    {
        var sender = new RecordingSender { Fails = true };
        using var scheduler = new PublicationScheduler(sender, Options(Interval), _time, NullLogger<PublicationScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        _time.Advance(Interval);
        await sender.WaitForAsync(2);
        _time.Advance(Interval);
        await sender.WaitForAsync(4);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(4, sender.Sent.Count);
        Assert.NotNull(scheduler.ExecuteTask);
        Assert.False(scheduler.ExecuteTask.IsFaulted);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(2 * 24 * 3600)]
    public void Validate_IntervalOutsideOneMinuteToOneDay_Refused(int seconds) =>
        Assert.Contains("ScheduleInterval", new PublicationOptionsValidator().Validate(null, new PublicationOptions { ScheduleInterval = TimeSpan.FromSeconds(seconds) }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_Hourly_Accepted() => Assert.True(new PublicationOptionsValidator().Validate(null, new PublicationOptions()).Succeeded);

    private static IOptions<PublicationOptions> Options(TimeSpan interval) => Microsoft.Extensions.Options.Options.Create(new PublicationOptions { ScheduleInterval = interval });

    /// <summary>Records which upkeep command was sent; when <see cref="Fails"/>, each one throws as a catalog outage would.</summary>
    private sealed class RecordingSender : ISender
    {
        public ConcurrentQueue<string> Sent { get; } = new();

        public bool Fails { get; init; }

        public async Task WaitForAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (Sent.Count < count)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
        {
            Sent.Enqueue(command.GetType().Name);
            if (Fails)
            {
                throw new IOException("catalog unreachable");
            }

            object response = command is EndDisplayPeriodsCommand ? 0 : new PublishedCheckpoint("head", 1, "root", DateTimeOffset.UnixEpoch, "note");
            return ValueTask.FromResult((TResponse)response);
        }

        public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
