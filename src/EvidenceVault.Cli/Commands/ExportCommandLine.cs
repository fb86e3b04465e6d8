using System.CommandLine;
using EvidenceVault.Application.Export;
using EvidenceVault.Application.Signing;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Cases;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault export</c> and <c>verify-package</c>: self-verifying BagIt packages of a case's evidence.</summary>
internal static class ExportCommandLine
{
    public static Command Export()
    {
        var number = CasesCommandLine.NumberArgument();
        var output = new Option<string>("--output", "-o") { Description = "Package to write: a new directory, or a new file ending in .zip", Required = true };
        var grant = new Option<string?>("--grant") { Description = "The retrieval grant this export happens under (recorded in the package and the custody log)" };
        var noProxies = new Option<bool>("--no-proxies") { Description = "Leave out the browser-playable proxies" };
        var command = new Command("export", "Write a case's evidence as a self-verifying BagIt package (originals re-hashed on the way out)")
        {
            number, output, grant, noProxies, CasesCommandLine.JsonOption,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var target = Path.GetFullPath(parse.GetValue(output)!);
            if (Path.Exists(target))
            {
                await Console.Error.WriteLineAsync($"evidencevault: '{target}' already exists; choose a new place for the package.");
                return ExitCodes.UsageOrConfiguration;
            }

            try
            {
                var export = new ExportCaseCommand(CaseNumber.Parse(parse.GetValue(number)!), target, !parse.GetValue(noProxies), parse.GetValue(grant));
                var result = await services.GetRequiredService<IMediator>().Send(export, ct);
                CasesCommandLine.Print(
                    parse,
                    new { package = result.Target, recordings = result.Recordings, files = result.Files, bytes = result.Bytes, manifestSha256 = result.ManifestSha256 },
                    $"{result.Target}: {result.Recordings} recordings, {result.Files} files, {IngestTable.Size(result.Bytes)}; manifest-sha256.txt {result.ManifestSha256}");
                return ExitCodes.Ok;
            }
            catch (ExportRefusedException ex)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
                return ExitCodes.IntegrityFailure;
            }
        }));
        return command;
    }

    /// <summary>Needs no data folder: anyone holding a package can check it.</summary>
    public static Command VerifyPackage()
    {
        var path = new Argument<string>("package") { Description = "Package directory or .zip file" };
        var trust = new Option<string?>("--trust") { Description = "The vault's public key (PEM, as `evidencevault keys show` prints it): the package must be signed by it" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("verify-package", "Check an export package: missing, extra or altered files, manifests, recording ids, custody entries, signature and checkpoint") { path, trust, json };
        command.SetAction(async (parse, ct) =>
        {
            PackageReport report;
            try
            {
                var trusted = parse.GetValue(trust) is { } file ? ReadTrustedKey(file) : null;
                report = await PackageVerifier.VerifyAsync(Path.GetFullPath(parse.GetValue(path)!), trusted, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
                return ExitCodes.UsageOrConfiguration;
            }

            var signature = report.Signature;
            if (parse.GetValue(json))
            {
                Wire.Print(new
                {
                    intact = report.Intact,
                    filesChecked = report.FilesChecked,
                    signature = new
                    {
                        state = State(signature.State),
                        algorithm = signature.Key?.AlgorithmName,
                        keyId = signature.Key?.KeyId,
                        fingerprint = signature.Key?.Fingerprint,
                        checkpoint = signature.Checkpoint is { } c ? new { origin = c.Origin, size = c.Size, rootHash = c.RootHash, time = c.Time } : null,
                    },
                    problems = report.Problems.Select(p => new { path = p.Path, kind = p.Kind, detail = p.Detail }),
                });
            }
            else
            {
                foreach (var p in report.Problems)
                {
                    Console.WriteLine(Terminal.Text($"{p.Kind.ToUpperInvariant()}  {p.Path}: {p.Detail}"));
                }

                Console.WriteLine(SignatureLine(signature));
                Console.WriteLine(report.Intact ? $"OK: {report.FilesChecked} files intact." : $"FAILED: {report.Problems.Count} problems in {report.FilesChecked} files checked.");
            }

            return report.Intact ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        });
        return command;
    }

    private static EvidencePublicKey ReadTrustedKey(string file) =>
        EvidencePublicKey.FromPem(File.ReadAllText(file))
        ?? throw new FormatException($"'{file}' holds no Ed25519 or SM2 public key in PEM (use the key `evidencevault keys show` prints).");

    private static string State(SignatureState state) => state switch
    {
        SignatureState.NoSignature => "unsigned",
        SignatureState.Untrusted => "untrusted",
        SignatureState.Trusted => "trusted",
        _ => "invalid",
    };

    private static string SignatureLine(SignatureReport signature)
    {
        var key = signature.Key is { } k ? $"{k.AlgorithmName} key SHA256:{k.Fingerprint}" : null;
        var at = signature.Checkpoint is { } c ? $", custody cut from checkpoint {c.Size} of {c.Origin} ({c.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})" : string.Empty;
        return signature.State switch
        {
            SignatureState.NoSignature => "UNSIGNED: a package from before signing; its hashes agree with each other, but nothing proves who made it.",
            SignatureState.Untrusted => $"SIGNED by {key}{at}. UNVERIFIED against a trust anchor: compare the fingerprint with the vault's, or pass --trust <public key file>.",
            SignatureState.Trusted => $"SIGNED by the trusted {key}{at}.",
            _ => $"SIGNATURE INVALID{(key is null ? string.Empty : $" ({key})")}.",
        };
    }
}
