using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Media;

/// <summary>
/// Make a recording's proxy and thumbnail again from its verified original: those found changed, missing or unrecorded
/// (or all of them with <see cref="All"/>). Each replacement is a custody entry naming the old and new SHA-256, and
/// closes the open incident about that derivative. Refused while the original itself does not verify.
/// </summary>
public sealed record RegenerateDerivativesCommand(RecordingId Id, string Reason, bool All = false) : ICommand<RegenerationResult>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Integrity;
}

public sealed record RegenerationResult(RecordingId Id, IReadOnlyList<RegeneratedDerivative> Regenerated, IReadOnlyList<FixityResult> Intact);

/// <summary>One derivative made again: what the catalog recorded, what the vault held, and the new digest.</summary>
public sealed record RegeneratedDerivative(DerivativeKind Kind, FixityState Found, string? Previous, string? Actual, DerivativeDigest Digest, IReadOnlyList<long> IncidentsResolved);

public sealed class RegenerateDerivativesHandler(
    ICatalog catalog,
    IVault vault,
    OriginalFixity originals,
    DerivativeFixity derivatives,
    DerivativeStore store,
    IMediaProbe probe,
    StagingArea staging,
    IntegrityIncidents incidents,
    IFixityStore fixity,
    CustodyEntries entries)
    : ICommandHandler<RegenerateDerivativesCommand, RegenerationResult>
{
    public async ValueTask<RegenerationResult> Handle(RegenerateDerivativesCommand command, CancellationToken cancellationToken)
    {
        var reason = command.Reason.Trim();
        if (reason.Length == 0)
        {
            throw new FormatException("Making derivatives again needs a reason (--reason).");
        }

        var recording = await catalog.FindAsync(command.Id, cancellationToken) ?? throw new RecordingNotFoundException(command.Id);
        if (recording.DestroyedAt is not null || recording.MediaState != MediaState.Done)
        {
            throw new RegenerationRefusedException($"Recording {command.Id} has no derivatives to make again (its media work is {recording.MediaState.ToString().ToLowerInvariant()}{(recording.DestroyedAt is null ? string.Empty : ", its original was destroyed")}).");
        }

        // Derivatives are only as good as what they are made from: a damaged original makes none.
        var original = await originals.CheckAsync(recording, null, null, cancellationToken);
        if (original.State != FixityState.Intact)
        {
            await incidents.RaiseAsync(recording, original, "regenerate", cancellationToken);
            throw new RegenerationRefusedException($"Refused: the original of recording {command.Id} is {original.State.ToString().ToLowerInvariant()} in the vault; no derivative is made from it. An integrity incident was logged.");
        }

        var checks = await derivatives.CheckAllAsync(recording, null, cancellationToken);
        var due = checks.Where(c => command.All || c.State != FixityState.Intact).ToList();
        var regenerated = new List<RegeneratedDerivative>();
        if (due.Count > 0)
        {
            await using var input = await vault.CheckoutOriginalAsync(recording.Sha256, cancellationToken);
            var facts = await probe.ProbeAsync(input.Path, cancellationToken);
            foreach (var check in due)
            {
                regenerated.Add(await RegenerateAsync(recording, check, input.Path, facts, reason, cancellationToken));
            }
        }

        return new RegenerationResult(recording.Id, regenerated, [.. checks.Except(due)]);
    }

    private async Task<RegeneratedDerivative> RegenerateAsync(RecordingEntry recording, FixityResult check, string input, MediaFacts facts, string reason, CancellationToken cancellationToken)
    {
        var kind = check.Derivative!.Value;
        var output = staging.NewFilePath(DerivativeStore.Extension(kind));
        DerivativeDigest digest;
        try
        {
            await store.MakeAsync(kind, input, facts, output, cancellationToken);
            digest = await store.ReplaceAsync(recording.Sha256, kind, output, cancellationToken);
        }
        finally
        {
            StagingArea.DeleteIfExists(output);
        }

        var previous = recording.DigestOf(kind)?.Sha256.Hex;
        var found = check.State == FixityState.Intact ? previous : check.Actual;
        var details = new DerivativeRegeneratedDetails(kind.Name(), previous, found, digest.Sha256.Hex, digest.Length, reason);
        await catalog.UpdateDerivativeAsync(recording.Id, kind, digest, entries.Entry(recording.Id.Value, details), cancellationToken);

        var resolved = new List<long>();
        foreach (var incident in await fixity.IncidentsAsync(IncidentStatus.Open, cancellationToken))
        {
            if (incident.Recording == recording.Id && IncidentKinds.TargetOf(incident.Kind) == kind.Name())
            {
                var resolution = $"{kind.Name()} made again from the verified original: SHA-256 {digest.Sha256}";
                await fixity.ResolveAsync(incident.Id, resolution, entries.Entry(recording.Id.Value, new IncidentResolvedDetails(incident.Id, incident.Kind, resolution)), cancellationToken);
                resolved.Add(incident.Id);
            }
        }

        return new RegeneratedDerivative(kind, check.State, previous, check.Actual, digest, resolved);
    }
}

/// <summary>Derivatives cannot be made again: no media work done, or the original does not verify.</summary>
public sealed class RegenerationRefusedException(string message) : Exception(message);
