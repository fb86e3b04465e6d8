using EvidenceVault.Application.Recordings;

namespace EvidenceVault.Cli.Output;

/// <summary>How <c>verify</c> and <c>fixity run</c> print what they checked: originals, then derivatives, each failure naming its target.</summary>
internal static class FixityWire
{
    public static Dictionary<string, object?> Json(IReadOnlyList<FixityResult> results)
    {
        var originals = results.Where(r => r.Derivative is null).ToList();
        var derivatives = results.Where(r => r.Derivative is not null).ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["checkedCount"] = originals.Count,
            ["intact"] = originals.Count(r => r.State == FixityState.Intact),
            ["derivativesChecked"] = derivatives.Count,
            ["derivativesIntact"] = derivatives.Count(r => r.State == FixityState.Intact),
            ["failures"] = results.Where(r => r.IsDamage).Select(f => new { recordingId = f.Id.Value, target = f.Target, state = Wire.Kind(f.State), expected = f.Expected?.Hex, actual = f.Actual }),
            ["unrecorded"] = results.Where(r => r.State == FixityState.Unrecorded).Select(u => new { recordingId = u.Id.Value, target = u.Target }),
        };
    }

    public static void PrintText(IReadOnlyList<FixityResult> results, string suffix = "")
    {
        foreach (var f in results.Where(r => r.IsDamage))
        {
            Console.WriteLine($"{f.Id}  {f.Target}  {Wire.Kind(f.State).ToUpperInvariant()}  expected {f.Expected}{(f.Actual is null ? string.Empty : $", found {f.Actual}")}");
        }

        var unrecorded = results.Where(r => r.State == FixityState.Unrecorded).ToList();
        foreach (var u in unrecorded)
        {
            Console.WriteLine($"{u.Id}  {u.Target}  UNRECORDED  made before derivative digests were kept (evidencevault media regenerate {u.Id})");
        }

        var originals = results.Where(r => r.Derivative is null).ToList();
        var derivatives = results.Where(r => r.Derivative is not null).ToList();
        Console.WriteLine(
            $"{originals.Count} originals checked: {originals.Count(r => r.State == FixityState.Intact)} intact, {originals.Count(r => r.IsDamage)} changed or missing; "
            + $"{derivatives.Count} derivatives checked: {derivatives.Count(r => r.State == FixityState.Intact)} intact, {derivatives.Count(r => r.IsDamage)} changed or missing"
            + (unrecorded.Count == 0 ? string.Empty : $", {unrecorded.Count} unrecorded") + $"{suffix}.");
    }
}
