using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>What to hand out: the original itself or one of its derivatives.</summary>
public enum RetrievalTarget
{
    Original,
    Proxy,
    Thumbnail,

    /// <summary>The preview sprite (JPEG tile sheet).</summary>
    Sprite,

    /// <summary>The WebVTT cues of the preview sprite.</summary>
    SpriteCues,
}

public static class RetrievalTargets
{
    /// <summary><c>original</c>, <c>proxy</c>, <c>thumbnail</c>, <c>sprite</c> or <c>spritecues</c>, as in custody entries and messages.</summary>
    public static string Name(this RetrievalTarget target) => target.ToString().ToLowerInvariant();

    /// <summary>The derivative a target hands out; null for the original.</summary>
    public static DerivativeKind? Derivative(this RetrievalTarget target) => target switch
    {
        RetrievalTarget.Original => null,
        RetrievalTarget.Proxy => DerivativeKind.Proxy,
        RetrievalTarget.Thumbnail => DerivativeKind.Thumbnail,
        RetrievalTarget.Sprite => DerivativeKind.Sprite,
        RetrievalTarget.SpriteCues => DerivativeKind.SpriteCues,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown retrieval target."),
    };
}

/// <summary>
/// Writes a recording (or a derivative) to a new file. The original is re-hashed on the way out, a derivative compared
/// with the SHA-256 recorded when it was made, and the file is withheld when the bytes no longer match (an integrity
/// incident). Under access control the actor needs the recording to be their own or an active <see cref="Grant"/> covering it.
/// </summary>
public sealed record RetrieveRecordingCommand(RecordingId Id, RetrievalTarget Target, string OutputPath, RetrievalId? Grant = null) : ICommand<RetrievalResult>;

public sealed record RetrievalResult(string OutputPath, long Length, string Sha256);

public sealed class RetrieveRecordingHandler(RetrievalGate gate, OriginalFixity originals, DerivativeFixity derivatives, ICustodyLog custody, CustodyEntries entries)
    : ICommandHandler<RetrieveRecordingCommand, RetrievalResult>
{
    public async ValueTask<RetrievalResult> Handle(RetrieveRecordingCommand command, CancellationToken cancellationToken)
    {
        var (recording, grant) = await gate.AdmitAsync(command.Id, command.Grant, cancellationToken);
        var partial = command.OutputPath + ".partial";
        FixityResult? result;
        await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
        {
            result = command.Target.Derivative() is { } kind
                ? await derivatives.CheckAsync(recording, kind, output, null, cancellationToken)
                : await originals.CheckAsync(recording, output, null, cancellationToken);
        }

        if (result is not { State: FixityState.Intact })
        {
            File.Delete(partial);
            throw await gate.RefuseAsync(recording, command.Target, result, cancellationToken);
        }

        File.Move(partial, command.OutputPath, overwrite: false);
        var length = new FileInfo(command.OutputPath).Length;
        var details = new RecordingRetrievedDetails(command.Target.Name(), result.Actual!, length, grant?.Id.ToString());
        await custody.AppendAsync(entries.Entry(command.Id.Value, details), cancellationToken);
        return new RetrievalResult(command.OutputPath, length, result.Actual!);
    }
}
