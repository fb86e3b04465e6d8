using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Linking;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>Officers, devices and device bindings, each compared with the last custody entry written for the row.</summary>
internal sealed class RegistryRowChecks(IRegistry registry, ICustodyLog custody)
{
    public async Task<List<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        foreach (var officer in await registry.OfficersAsync(cancellationToken))
        {
            var saved = await LatestAsync(officer.Number.Value, CustodyActions.OfficerSaved, cancellationToken);
            if (saved is null || Text(saved, "name") != officer.Name || Text(saved, "certificate") != officer.CertificateNumber || Text(saved, "unit") != officer.Unit)
            {
                mismatches.Add(new RowMismatch("officers", officer.Number.Value, "differs from the custody entry of its last change"));
            }
        }

        foreach (var device in await registry.DevicesAsync(cancellationToken))
        {
            var saved = await LatestAsync(device.Id.Value, CustodyActions.DeviceSaved, cancellationToken);
            if (saved is null || Text(saved, "model") != device.Model || Text(saved, "unit") != device.Unit)
            {
                mismatches.Add(new RowMismatch("devices", device.Id.Value, "differs from the custody entry of its last change"));
            }
        }

        foreach (var device in (await registry.BindingsAsync(null, cancellationToken)).GroupBy(b => b.Device))
        {
            var bound = Parse(await custody.ReadAsync(device.Key.Value, cancellationToken))
                .Where(e => e.Action == CustodyActions.DeviceBound).Select(e => e.Details).ToList();
            mismatches.AddRange(device.Where(b => !Agrees(b, bound))
                .Select(b => new RowMismatch("device_bindings", $"{b.Device}/{b.Id}", "differs from the custody entries that bound and closed it")));
        }

        return mismatches;
    }

    /// <summary>The binding's own entry sets officer, from and to; a later binding that closed it sets its end.</summary>
    private static bool Agrees(DeviceBinding binding, List<JsonElement> bound)
    {
        var own = bound.LastOrDefault(d => Number(d, "bindingId") == binding.Id);
        if (own.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var closer = bound.LastOrDefault(d => d.TryGetProperty("closes", out var closes) && closes.EnumerateArray().Any(c => c.GetInt64() == binding.Id));
        var to = closer.ValueKind == JsonValueKind.Object ? Instant(closer, "from") : Instant(own, "to");
        return Text(own, "officer") == binding.Officer.Value
            && SameInstant(Instant(own, "from"), binding.From)
            && SameInstant(to, binding.To);
    }

    private async Task<JsonElement?> LatestAsync(string subject, string action, CancellationToken cancellationToken)
    {
        var last = Parse(await custody.ReadAsync(subject, cancellationToken)).LastOrDefault(r => r.Action == action);
        return last.Action is null ? null : last.Details;
    }
}
