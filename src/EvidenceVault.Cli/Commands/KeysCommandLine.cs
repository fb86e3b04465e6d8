using System.CommandLine;
using EvidenceVault.Application.Signing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault keys show</c>: the vault signing key's public half (created at first use).</summary>
internal static class KeysCommandLine
{
    public static Command Create()
    {
        var command = new Command("keys", "The vault signing key (kept outside the catalog) that signs checkpoints and packages");
        command.Subcommands.Add(Show());
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

    internal static object Json(EvidencePublicKey key) => new
    {
        algorithm = key.AlgorithmName,
        keyId = key.KeyId,
        fingerprint = key.Fingerprint,
        publicKey = Convert.ToBase64String(key.Bytes),
        publicKeyPem = key.ToPem(),
    };
}
