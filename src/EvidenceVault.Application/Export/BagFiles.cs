using System.Globalization;
using System.Text;

namespace EvidenceVault.Application.Export;

/// <summary>A file written into a package: its path from the bag root, SHA-256 and size.</summary>
public sealed record PackagedFile(string Path, string Sha256, long Length);

/// <summary>The BagIt (RFC 8493) tag files of a package and its shell verifier.</summary>
public static class BagFiles
{
    public const string BagIt = "bagit.txt";
    public const string BagInfo = "bag-info.txt";
    public const string Manifest = "manifest-sha256.txt";
    public const string TagManifest = "tagmanifest-sha256.txt";
    public const string Verifier = "verify.sh";
    public const string Payload = "data/";

    public const string BagItText = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    /// <summary>
    /// Checks the package with sha256sum alone (plus POSIX sh, sed, find and awk), from the bag root, so anyone
    /// can verify it without EvidenceVault: every listed file present and unaltered, the manifests unaltered,
    /// and no file that no manifest lists.
    /// </summary>
    public const string VerifierText = """
        #!/bin/sh
        # Verifies this evidence package with sha256sum only. Usage: sh verify.sh   (exit status 0 = intact)
        cd "$(dirname "$0")" || exit 2
        problems=0
        sha256sum -c manifest-sha256.txt || problems=$((problems + 1))
        sha256sum -c tagmanifest-sha256.txt || problems=$((problems + 1))
        extra=$({ sed 's/^[0-9a-f]*  /L /' manifest-sha256.txt tagmanifest-sha256.txt; find . -type f | sed 's|^\./|F |'; } |
          awk '$1 == "L" { listed[substr($0, 3)] = 1; next }
               !(substr($0, 3) in listed) && substr($0, 3) != "tagmanifest-sha256.txt" { print substr($0, 3) ": EXTRA (in no manifest)" }')
        if [ -n "$extra" ]; then
          printf '%s\n' "$extra"
          problems=$((problems + 1))
        fi
        if [ "$problems" -eq 0 ]; then
          echo "verify.sh: OK, package intact"
        else
          echo "verify.sh: FAILED, the package is not intact" >&2
          exit 1
        fi

        """;

    /// <summary>
    /// sha256sum's format, which BagIt manifests share. Package paths are made only of stage names and
    /// recording ids, so none needs BagIt's percent-encoding or sha256sum's backslash escaping.
    /// </summary>
    public static string ManifestText(IEnumerable<PackagedFile> files) =>
        string.Concat(files.Select(f => $"{f.Sha256}  {f.Path}\n"));

    public static string BagInfoText(string caseNumber, string actor, DateTimeOffset at, IReadOnlyCollection<PackagedFile> payload, string? grantId)
    {
        var text = new StringBuilder()
            .Append("Bag-Software-Agent: EvidenceVault\n")
            .Append(CultureInfo.InvariantCulture, $"Bagging-Date: {at.UtcDateTime:yyyy-MM-dd}\n")
            .Append(CultureInfo.InvariantCulture, $"External-Identifier: {Label(caseNumber)}\n")
            .Append(CultureInfo.InvariantCulture, $"Internal-Sender-Description: Evidence of case {Label(caseNumber)}, exported by {Label(actor)} at {at.UtcDateTime:O}\n")
            .Append(CultureInfo.InvariantCulture, $"Payload-Oxum: {payload.Sum(f => f.Length)}.{payload.Count}\n");
        if (grantId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"EvidenceVault-Grant: {Label(grantId)}\n");
        }

        return text.ToString();
    }

    /// <summary>A tag value stays on its line whatever the user typed.</summary>
    private static string Label(string value) => new([.. value.Select(c => char.IsControl(c) ? ' ' : c)]);
}
