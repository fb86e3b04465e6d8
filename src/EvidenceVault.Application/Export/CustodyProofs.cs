using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Export;

/// <summary>
/// <c>data/custody-proofs.json</c>: what makes a package's custody slice complete and part of the signed log. For every
/// exported subject it lists the sequence numbers of all its entries up to the checkpoint, so a line taken out of the
/// slice is named; for every entry of the slice it carries the RFC 9162 inclusion proof against the checkpoint's root,
/// so no line can be made up and the slice is the log the vault signed. The package signature covers the list.
/// </summary>
public static class CustodyProofs
{
    public const string Path = "data/custody-proofs.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The root of the whole log, the slice of <paramref name="subjects"/> and its proofs, all from one reading of the
    /// log so that they agree. Sequence numbers run from 1 with no gap, which makes entry <c>n</c> leaf <c>n - 1</c>.
    /// </summary>
    public static CustodyCut Cut(IReadOnlyList<CustodyRecord> log, IReadOnlyCollection<string> subjects)
    {
        for (var i = 0; i < log.Count; i++)
        {
            if (log[i].Sequence != i + 1)
            {
                throw new ExportRefusedException($"Export refused: custody entry {i + 1} is missing from the log; run `evidencevault audit verify`.");
            }
        }

        var leaves = log.Select(r => MerkleTree.EntryLeafHash(r.Hash)).ToList();
        var root = MerkleTree.Root(leaves);
        var wanted = subjects.ToHashSet(StringComparer.Ordinal);
        var slice = log.Where(r => wanted.Contains(r.Entry.Subject)).ToList();
        var document = new ProofsDocument(
            log.Count,
            Convert.ToBase64String(root),
            [.. subjects.Distinct(StringComparer.Ordinal).Select(s => new SubjectEntries(s, [.. slice.Where(r => r.Entry.Subject == s).Select(r => r.Sequence)]))],
            [.. slice.Select(r => new EntryProof(r.Sequence, [.. MerkleProofs.Inclusion(leaves, (int)r.Sequence - 1, log.Count).Select(Convert.ToBase64String)]))]);
        return new CustodyCut(log.Count, root, slice, JsonSerializer.Serialize(document, Options) + "\n");
    }

    /// <summary>
    /// Each problem found: a subject of the package the proofs do not cover, an entry of a subject missing from the
    /// slice, an entry without a proof or whose proof does not lead to the checkpoint's root.
    /// </summary>
    public static IReadOnlyList<string> Check(string json, CustodySlice slice, Checkpoint checkpoint, IEnumerable<string> exportedSubjects)
    {
        ProofsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ProofsDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            return [$"not readable ({ex.Message})"];
        }

        if (document is not { Subjects: not null, Proofs: not null })
        {
            return ["not readable (no subjects or proofs)"];
        }

        if (document.Size != checkpoint.Size || document.RootHash != checkpoint.RootHash)
        {
            return [$"the proofs are for a log of {document.Size} entries with root {document.RootHash}, the checkpoint is {checkpoint.Size} entries with root {checkpoint.RootHash}"];
        }

        var problems = new List<string>();
        var listed = document.Subjects.Where(s => s.Subject is not null).GroupBy(s => s.Subject!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Entries ?? []).ToList(), StringComparer.Ordinal);
        problems.AddRange(exportedSubjects.Distinct(StringComparer.Ordinal).Where(s => !listed.ContainsKey(s)).Select(s => $"{s}: the proofs list no custody entries for this exported subject"));

        var present = slice.Entries.GroupBy(e => e.Sequence).ToDictionary(g => g.Key, g => g.First());
        foreach (var (subject, sequences) in listed)
        {
            problems.AddRange(sequences.Where(s => !present.TryGetValue(s, out var e) || e.Subject != subject)
                .Select(s => $"entry {s} of {subject} is missing from the slice (the vault listed {sequences.Count} entries for it)"));
        }

        var root = checkpoint.RootBytes();
        var proofs = document.Proofs.GroupBy(p => p.Sequence).ToDictionary(g => g.Key, g => g.First().Path ?? []);
        foreach (var entry in slice.Entries)
        {
            if (!proofs.TryGetValue(entry.Sequence, out var path))
            {
                problems.Add($"entry {entry.Sequence} has no inclusion proof");
            }
            else if (!Included(entry, path, checkpoint.Size, root))
            {
                problems.Add($"entry {entry.Sequence} is not in the log of {checkpoint.Size} entries the checkpoint signed");
            }
        }

        return problems;
    }

    private static bool Included(SliceEntry entry, IReadOnlyList<string> path, long size, byte[] root)
    {
        try
        {
            return MerkleProofs.VerifyInclusion(entry.Sequence - 1, size, MerkleTree.EntryLeafHash(entry.Hash), [.. path.Select(Convert.FromBase64String)], root);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed record ProofsDocument(long Size, string RootHash, IReadOnlyList<SubjectEntries>? Subjects, IReadOnlyList<EntryProof>? Proofs);

    private sealed record SubjectEntries(string? Subject, IReadOnlyList<long>? Entries);

    private sealed record EntryProof(long Sequence, IReadOnlyList<string>? Path);
}

/// <summary>A log read once for an export: its size and root (what the checkpoint signs), the slice and its proofs.</summary>
public sealed record CustodyCut(long Size, byte[] Root, IReadOnlyList<CustodyRecord> Slice, string ProofsJson);
