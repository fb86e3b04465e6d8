using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Linking;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Officers, devices and device bindings, each compared with the last custody entry written for the row; rows the
/// ledger records but the catalog lacks are named too (a binding deleted by hand changes who recorded what).
/// </summary>
internal sealed class RegistryRowChecks(IRegistry registry, IReadOnlyList<CustodyRecord> ledger)
{
    public async Task<List<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        var officers = Latest(All<OfficerSavedDetails>(ledger));
        var officerRows = await registry.OfficersAsync(cancellationToken);
        foreach (var officer in officerRows)
        {
            if (!officers.TryGetValue(officer.Number.Value, out var saved) || saved.Name != officer.Name || saved.Certificate != officer.CertificateNumber || saved.Unit != officer.Unit)
            {
                mismatches.Add(new RowMismatch("officers", officer.Number.Value, "differs from the custody entry of its last change"));
            }
        }

        mismatches.AddRange(Gone("officers", officers.Keys, officerRows.Select(o => o.Number.Value)));
        var devices = Latest(All<DeviceSavedDetails>(ledger));
        var deviceRows = await registry.DevicesAsync(cancellationToken);
        foreach (var device in deviceRows)
        {
            if (!devices.TryGetValue(device.Id.Value, out var saved) || saved.Model != device.Model || saved.Unit != device.Unit)
            {
                mismatches.Add(new RowMismatch("devices", device.Id.Value, "differs from the custody entry of its last change"));
            }
        }

        mismatches.AddRange(Gone("devices", devices.Keys, deviceRows.Select(d => d.Id.Value)));
        var bound = All<DeviceBoundDetails>(ledger);
        var bindings = await registry.BindingsAsync(null, cancellationToken);
        foreach (var device in bindings.GroupBy(b => b.Device))
        {
            var own = bound.Where(e => e.Subject == device.Key.Value).Select(e => e.Details).ToList();
            mismatches.AddRange(device.Where(b => !Agrees(b, own))
                .Select(b => new RowMismatch("device_bindings", $"{b.Device}/{b.Id}", "differs from the custody entries that bound and closed it")));
        }

        mismatches.AddRange(bound.Where(e => !bindings.Any(b => b.Id == e.Details.BindingId))
            .Select(e => new RowMismatch("device_bindings", $"{e.Subject}/{e.Details.BindingId}", "the custody log records this binding but its row is gone")));
        return mismatches;
    }

    /// <summary>The binding's own entry sets officer, from and to; a later binding that closed it sets its end.</summary>
    private static bool Agrees(DeviceBinding binding, List<DeviceBoundDetails> bound)
    {
        if (bound.LastOrDefault(d => d.BindingId == binding.Id) is not { } own)
        {
            return false;
        }

        var closer = bound.LastOrDefault(d => d.Closes.Contains(binding.Id));
        return own.Officer == binding.Officer.Value
            && SameInstant(own.From, binding.From)
            && SameInstant(closer is null ? own.To : closer.From, binding.To);
    }

    private static Dictionary<string, T> Latest<T>(List<(string Subject, T Details)> entries) =>
        entries.GroupBy(e => e.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Details, StringComparer.Ordinal);

    private static IEnumerable<RowMismatch> Gone(string table, IEnumerable<string> recorded, IEnumerable<string> rows) =>
        recorded.Except(rows, StringComparer.Ordinal).Select(key => new RowMismatch(table, key, "the custody log records this row but the catalog no longer has it"));
}
