using System.Globalization;
using System.Text;
using EvidenceVault.Application.Signing;

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
    public const string Custody = "data/custody.jsonl";

    public const string BagItText = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    /// <summary>
    /// Checks the package with sha256sum alone (plus POSIX sh, sed, find and awk), from the bag root, so anyone
    /// can verify it without EvidenceVault: every listed file present and unaltered, the manifests unaltered,
    /// no file that no manifest lists, and every original named for its SHA-256. When openssl is present it also
    /// checks the signature over the tag manifest: against the key file given as its argument (the trust anchor),
    /// else against the key the package carries, whose fingerprint it prints for comparing with the vault's.
    /// </summary>
    public const string VerifierText = """
        #!/bin/sh
        # Verifies this evidence package with sha256sum, and its signature with openssl when present.
        # Usage: sh verify.sh [trusted-public-key.pem]   (exit status 0 = intact)
        trusted=
        if [ -n "$1" ]; then
          trusted=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") || exit 2
          [ -f "$trusted" ] || { echo "verify.sh: no key file $1" >&2; exit 2; }
        fi
        cd "$(dirname "$0")" || exit 2
        problems=0
        sha256sum -c manifest-sha256.txt || problems=$((problems + 1))
        sha256sum -c tagmanifest-sha256.txt || problems=$((problems + 1))
        sig=signature/tagmanifest-sha256.txt.sig
        extra=$({ sed 's/^[0-9a-f]*  /L /' manifest-sha256.txt tagmanifest-sha256.txt; find . -type f | sed 's|^\./|F |'; } |
          awk -v sig="$sig" '$1 == "L" { listed[substr($0, 3)] = 1; next }
               !(substr($0, 3) in listed) && substr($0, 3) != "tagmanifest-sha256.txt" && substr($0, 3) != sig { print substr($0, 3) ": EXTRA (in no manifest)" }')
        if [ -n "$extra" ]; then
          printf '%s\n' "$extra"
          problems=$((problems + 1))
        fi
        misnamed=$(awk '$2 ~ /^data\/originals\// { id = $2; sub(/.*\//, "", id); sub(/\..*/, "", id)
                     if (length(id) != 20 || substr($1, 1, 20) != id) print $2 ": NOT NAMED FOR ITS SHA-256" }' manifest-sha256.txt)
        if [ -n "$misnamed" ]; then
          printf '%s\n' "$misnamed"
          problems=$((problems + 1))
        fi
        if [ ! -f "$sig" ]; then
          echo "signature: NONE, an unsigned package"
          [ -z "$trusted" ] || problems=$((problems + 1))
        elif ! command -v openssl >/dev/null 2>&1; then
          echo "signature: NOT CHECKED, openssl is not installed"
          [ -z "$trusted" ] || problems=$((problems + 1))
        else
          key=${trusted:-signature/public-key.pem}
          if grep -q '^EvidenceVault-Signature-Algorithm: sm2-sm3$' bag-info.txt; then
            set -- -digest sm3 -pkeyopt distid:1234567812345678
            fingerprint=$({ printf '\377'; openssl pkey -pubin -in "$key" -outform DER | tail -c 65; } | sha256sum | cut -c1-64)
          else
            set --
            fingerprint=$({ printf '\001'; openssl pkey -pubin -in "$key" -outform DER | tail -c 32; } | sha256sum | cut -c1-64)
          fi
          if ! result=$(openssl pkeyutl -verify -pubin -inkey "$key" -rawin "$@" -in tagmanifest-sha256.txt -sigfile "$sig" 2>&1); then
            echo "signature: FAILED with key SHA256:$fingerprint: $result"
            problems=$((problems + 1))
          elif [ -n "$trusted" ]; then
            echo "signature: OK, by the trusted key SHA256:$fingerprint"
          else
            echo "signature: OK, by the package's own key SHA256:$fingerprint (not checked against a trust anchor: compare it with the vault's, or pass the vault's public key file)"
          fi
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

    public static string BagInfoText(string caseNumber, string actor, DateTimeOffset at, IReadOnlyCollection<PackagedFile> payload, string? grantId, EvidencePublicKey key, long checkpointSize)
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

        // verify.sh reads the algorithm to call openssl; people compare the fingerprint with the vault's.
        text.Append(CultureInfo.InvariantCulture, $"EvidenceVault-Signature-Algorithm: {key.AlgorithmName}\n")
            .Append(CultureInfo.InvariantCulture, $"EvidenceVault-Signing-Key: SHA256:{key.Fingerprint}\n")
            .Append(CultureInfo.InvariantCulture, $"EvidenceVault-Checkpoint-Size: {checkpointSize}\n");

        return text.ToString();
    }

    /// <summary>A tag value stays on its line whatever the user typed.</summary>
    private static string Label(string value) => new([.. value.Select(c => char.IsControl(c) ? ' ' : c)]);
}
