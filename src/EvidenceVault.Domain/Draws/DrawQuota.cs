using System.Globalization;

namespace EvidenceVault.Domain.Draws;

/// <summary>
/// How many candidates a draw takes: the same number from the whole list or from each stratum, or a number per stratum.
/// A stratum with fewer candidates than its number gives all it has.
/// </summary>
public sealed class DrawQuota
{
    private readonly SortedDictionary<string, int>? _perStratum;

    private DrawQuota(int? each, SortedDictionary<string, int>? perStratum)
    {
        Each = each;
        _perStratum = perStratum;
    }

    /// <summary>The number taken from the list, or from every stratum; null when each stratum has its own.</summary>
    public int? Each { get; }

    /// <summary>Each stratum's own number, in canonical order; empty when <see cref="Each"/> applies.</summary>
    public IReadOnlyDictionary<string, int> PerStratum => _perStratum ?? new SortedDictionary<string, int>(Utf8Order.Instance);

    public static DrawQuota Of(int count) => new(Positive(count, "the draw"), null);

    public static DrawQuota Of(IReadOnlyDictionary<string, int> perStratum)
    {
        if (perStratum.Count == 0)
        {
            throw new FormatException("A per-stratum quota names at least one stratum.");
        }

        var sorted = new SortedDictionary<string, int>(Utf8Order.Instance);
        foreach (var (stratum, count) in perStratum)
        {
            sorted.Add(DrawText.Require(stratum, "stratum"), Positive(count, $"stratum '{stratum}'"));
        }

        return new DrawQuota(null, sorted);
    }

    /// <summary>Reads <c>3</c>, or <c>stratum=3</c> entries (one per stratum).</summary>
    public static DrawQuota Parse(IReadOnlyList<string> entries)
    {
        if (entries.Count == 1 && !entries[0].Contains('=', StringComparison.Ordinal))
        {
            return Of(Count(entries[0], "the draw"));
        }

        var perStratum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var separator = entry.LastIndexOf('=');
            if (separator <= 0 || !perStratum.TryAdd(entry[..separator].Trim(), Count(entry[(separator + 1)..], entry)))
            {
                throw new FormatException($"'{entry}' is not a quota: give one number, or stratum=number once per stratum.");
            }
        }

        return Of(perStratum);
    }

    /// <summary>How many to take from a stratum (null: the unstratified list).</summary>
    public int For(string? stratum) => Each ?? (stratum is not null && PerStratum.TryGetValue(stratum, out var n)
        ? n
        : throw new FormatException($"The quota names no number for stratum '{stratum}'."));

    /// <summary>Refuses a quota that does not fit the list: a per-stratum quota names exactly the list's strata.</summary>
    public void EnsureFits(CandidateList list)
    {
        if (Each is not null)
        {
            return;
        }

        if (!list.IsStratified || !list.Strata.Order(Utf8Order.Instance).SequenceEqual(PerStratum.Keys, StringComparer.Ordinal))
        {
            throw new FormatException($"The per-stratum quota names {string.Join(", ", PerStratum.Keys)}; the list's strata are {(list.IsStratified ? string.Join(", ", list.Strata) : "none")}.");
        }
    }

    /// <summary>The quota's lines in the terms statement: <c>take N</c>, or <c>take stratum TAB N</c> per stratum.</summary>
    public IEnumerable<string> StatementLines() => Each is { } each
        ? [$"take {each.ToString(CultureInfo.InvariantCulture)}"]
        : PerStratum.Select(p => $"take {p.Key}{DrawCandidate.StratumSeparator}{p.Value.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The entries <see cref="Parse"/> reads back: <c>N</c>, or <c>stratum=N</c> per stratum.</summary>
    public IReadOnlyList<string> Entries => Each is { } each
        ? [each.ToString(CultureInfo.InvariantCulture)]
        : [.. PerStratum.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}")];

    public override string ToString() => string.Join(", ", Entries);

    private static int Count(string text, string what) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Positive(n, what) : throw new FormatException($"'{text}' is not a number of candidates to take for {what}.");

    private static int Positive(int count, string what) =>
        count > 0 ? count : throw new FormatException($"A draw takes at least one candidate; {what} asks for {count}.");
}
