using EvidenceVault.Application.Custody;
using Mediator;

namespace EvidenceVault.Application.Authentication;

/// <summary>End a session: its token stops working at once. False when it had already ended.</summary>
public sealed record SignOutCommand(string SessionId) : ICommand<bool>;

public sealed class SignOutHandler(ICredentialStore credentials, CustodyEntries custody) : ICommandHandler<SignOutCommand, bool>
{
    public async ValueTask<bool> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (await credentials.FindSessionAsync(command.SessionId, cancellationToken) is not { EndedAt: null } session)
        {
            return false;
        }

        var entry = custody.Entry(session.User.Value, new SignedOutDetails(session.ShortId));
        await credentials.EndSessionAsync(session.Id, entry.At, entry, cancellationToken);
        return true;
    }
}
