using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using Mediator;

namespace EvidenceVault.Application.Draws;

/// <summary>
/// Enter a draw's seed once it is public and fix the outcome. Refused before the seed is due, a second time (whatever
/// the seed), and when the stored candidates no longer match the committed list hash. A spot check's reveal issues the
/// grant for exactly its sample (<see cref="SpotCheckGrants"/>).
/// </summary>
public sealed record RevealDrawCommand(DrawId Id, DrawSeed Seed) : ICommand<Draw>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class RevealDrawHandler(IDrawStore store, SpotCheckGrants spotChecks, CustodyEntries custody) : ICommandHandler<RevealDrawCommand, Draw>
{
    public async ValueTask<Draw> Handle(RevealDrawCommand command, CancellationToken cancellationToken)
    {
        var draw = await store.RequireAsync(command.Id, cancellationToken);
        if (draw.ListProblem is { } problem)
        {
            throw new DrawRefusedException($"{draw.Id} cannot be revealed: {problem}.");
        }

        var outcome = draw.RevealWith(command.Seed, custody.Now);
        var grant = draw.Kind == DrawKind.SpotCheck ? await spotChecks.ForAsync(draw, outcome.Selected, cancellationToken) : null;
        var revealed = await store.RevealAsync(
            id => draw with { Reveal = new DrawReveal(command.Seed, custody.Actor, custody.Now, outcome.Selected, id) },
            d => custody.Entry(d.Id.ToString(), DrawRevealedDetails.Of(d, d.Reveal!)),
            grant,
            cancellationToken);
        return revealed ?? throw new DrawRefusedException($"{draw.Id} was revealed by someone else a moment ago; a draw is revealed once.");
    }
}
