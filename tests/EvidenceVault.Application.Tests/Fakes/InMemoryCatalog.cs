using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>Just enough catalog and custody log for ingestion tests.</summary>
public sealed class InMemoryCatalog : ICatalog, ICustodyLog, IRegistry
{
    public Dictionary<RecordingId, RecordingEntry> Recordings { get; } = [];

    public List<Sighting> Sightings { get; } = [];

    public List<CustodyEntry> Custody { get; } = [];

    public Task<RecordingEntry?> FindAsync(RecordingId id, CancellationToken cancellationToken) => Task.FromResult(Recordings.GetValueOrDefault(id));

    /// <summary>Runs as a catalog write begins, to play another process writing first.</summary>
    public Action<RecordingEntry>? BeforeWrite { get; set; }

    public Task<IngestWrite> RecordIngestAsync(RecordingEntry recording, Func<IngestFound, IngestWrite> decide, CancellationToken cancellationToken)
    {
        BeforeWrite?.Invoke(recording);
        var found = Recordings.TryAdd(recording.Id, recording)
            ? new IngestFound(null, [])
            : new IngestFound(Recordings[recording.Id], [.. Sightings.Where(s => s.RecordingId == recording.Id)]);
        var write = decide(found);
        Sightings.Add(write.Sighting);
        if (write.FactsChanged)
        {
            Recordings[recording.Id] = write.Recording;
        }

        Custody.AddRange(write.Custody);
        return Task.FromResult(write);
    }

    public Task<bool> UpdateAfterMediaAsync(RecordingEntry recording, CustodyEntry custody, CancellationToken cancellationToken)
    {
        Recordings[recording.Id] = recording;
        Custody.Add(custody);
        return Task.FromResult(true);
    }

    public Task UpdateDerivativeAsync(RecordingId id, DerivativeKind kind, DerivativeDigest digest, CustodyEntry custody, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<RecordingEntry>> ListAsync(RecordingFilter filter, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordingEntry>>([.. Recordings.Values]);

    public Task AppendAsync(CustodyEntry entry, CancellationToken cancellationToken)
    {
        Custody.Add(entry);
        return Task.CompletedTask;
    }

    public Task<bool> AppendOnceAsync(CustodyEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

    public List<DeviceBinding> Bindings { get; } = [];

    public Task SaveOfficerAsync(Officer officer, CustodyEntry custody, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Officer>> OfficersAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Officer>>([]);

    public Task SaveDeviceAsync(Device device, CustodyEntry custody, CancellationToken cancellationToken) => throw new NotSupportedException();

    public List<Device> Devices { get; } = [];

    public Task<IReadOnlyList<Device>> DevicesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Device>>([.. Devices]);

    public Task<BindingChange> BindAsync(DeviceBinding binding, Func<BindingChange, CustodyEntry> custody, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeviceBinding>> BindingsAsync(DeviceId? device, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeviceBinding>>([.. Bindings.Where(b => device is null || b.Device == device)]);

    public Task<IReadOnlyList<CustodyRecord>> ReadAsync(string? subject, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CustodyRecord>>([.. Custody.Select((e, i) => new CustodyRecord(i + 1, e, "", "")).Where(r => subject is null || r.Entry.Subject == subject)]);

    public Task<CustodyBreak?> VerifyChainAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<CustodyRecord>> ReadWithoutAsync(IReadOnlyCollection<string> actions, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<CustodyRecord> StreamAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<CustodyRecord> StreamAfterAsync(long sequence, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)Custody.Count);

    public bool HasWritten => Custody.Count > 0;
}
