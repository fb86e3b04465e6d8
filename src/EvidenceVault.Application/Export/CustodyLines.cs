using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Export;

/// <summary>
/// The custody slice of a package as JSON lines, one entry per line with its place in the chain, so anyone
/// can recompute each entry's hash and the links between consecutive entries.
/// </summary>
public static class CustodyLines
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(CustodyRecord record) => JsonSerializer.Serialize(
        new Dictionary<string, object>
        {
            ["seq"] = record.Sequence,
            ["at"] = record.Entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            ["actor"] = record.Entry.Actor,
            ["action"] = record.Entry.Action,
            ["subject"] = record.Entry.Subject,
            ["details"] = record.Entry.Details,
            ["prev_hash"] = record.PreviousHash,
            ["hash"] = record.Hash,
        },
        Options) + "\n";

    /// <summary>
    /// Each problem names the line; no problems means every entry hashes correctly and consecutive entries link.
    /// The entries are those whose hash checked out, for the inclusion proofs to be checked against.
    /// </summary>
    public static CustodySlice Check(IEnumerable<string> lines)
    {
        var problems = new List<string>();
        var entries = new List<SliceEntry>();
        (long Sequence, string Hash)? previous = null;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var e = document.RootElement;
                string Text(string name) => e.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");
                var sequence = e.GetProperty("seq").GetInt64();
                var at = DateTimeOffset.Parse(Text("at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                var hash = Text("hash");
                if (CustodyChain.Hash(sequence, at, Text("actor"), Text("action"), Text("subject"), Text("details"), Text("prev_hash")) != hash)
                {
                    problems.Add($"line {number} (entry {sequence}) does not match its hash");
                }
                else if (previous is { } p && (sequence <= p.Sequence || (sequence == p.Sequence + 1 && Text("prev_hash") != p.Hash)))
                {
                    problems.Add($"line {number} (entry {sequence}) does not follow entry {p.Sequence}");
                }
                else
                {
                    entries.Add(new SliceEntry(sequence, Text("subject"), hash));
                }

                previous = (sequence, hash);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                problems.Add($"line {number} is not a custody entry ({ex.Message})");
            }
        }

        return new CustodySlice(entries, problems);
    }
}

/// <summary>A custody entry of a package's slice whose hash checked out.</summary>
public sealed record SliceEntry(long Sequence, string Subject, string Hash);

/// <summary>What <see cref="CustodyLines.Check"/> found: the sound entries and each problem.</summary>
public sealed record CustodySlice(IReadOnlyList<SliceEntry> Entries, IReadOnlyList<string> Problems);
