using System.CommandLine;
using EvidenceVault.Application.Signing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault keys show|rotate</c>: the vault signing key's public half (created at first use), and its replacement.</summary>
internal static class KeysCommandLine
{
    public static Command Create()
    {
        var command = new Command("keys", "The vault signing key (kept outside the catalog) that signs checkpoints and packages");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Rotate());
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "Print the algorithm, key id, fingerprint and public key (PEM)") { CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var key = await services.GetRequiredService<IMediator>().Send(new ShowSigningKeyQuery(), ct);
            CasesCommandLine.Print(parse, Json(key), $"algorithm:   {key.AlgorithmName}\nkey id:      {key.KeyId}\nfingerprint: SHA256:{key.Fingerprint}\n{key.ToPem().TrimEnd()}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Rotate()
    {
        var command = new Command("rotate", "Replace the signing key (the old one is kept beside it); a keys.rotated entry signed by both keys links them") { CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var rotated = await services.GetRequiredService<IMediator>().Send(new RotateSigningKeyCommand(), ct);
            CasesCommandLine.Print(
                parse,
                new { previous = Json(rotated.Previous), current = Json(rotated.Current), checkpoint = rotated.Checkpoint.Name },
                $"rotated: key {rotated.Previous.KeyId} retired, key {rotated.Current.KeyId} signs from now on\nfingerprint: SHA256:{rotated.Current.Fingerprint}\ncheckpoint:  {rotated.Checkpoint.Name}\n{rotated.Current.ToPem().TrimEnd()}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static object Json(EvidencePublicKey key) => new
    {
        algorithm = key.AlgorithmName,
        keyId = key.KeyId,
        fingerprint = key.Fingerprint,
        publicKey = Convert.ToBase64String(key.Bytes),
        publicKeyPem = key.ToPem(),
    };
}
