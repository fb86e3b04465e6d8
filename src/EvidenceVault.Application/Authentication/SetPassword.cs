using System.Text;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Authentication;

/// <summary>
/// Set a user's password: an administrator for anyone, a user for themself with the current password. The
/// lockout is cleared and every open session of the user ends, so a stolen session dies with the old password.
/// Until any user has a password nobody can sign in, so the first administrator's password is set by whoever
/// set up the catalog (recorded as <c>bootstrap</c>), as the first user is added.
/// </summary>
public sealed record SetPasswordCommand(UserName User, string NewPassword, string? CurrentPassword) : ICommand<UserName>
{
    // Records print every member; a password must never reach a log line or an exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("User = ").Append(User.Value);
        return true;
    }
}

public sealed class SetPasswordHandler(IUserStore users, ICredentialStore credentials, IPasswordHasher hasher, CredentialBinding binding, AccessControl access, CustodyEntries custody)
    : ICommandHandler<SetPasswordCommand, UserName>
{
    public async ValueTask<UserName> Handle(SetPasswordCommand command, CancellationToken cancellationToken)
    {
        var target = await users.RequireAsync(command.User, cancellationToken);
        if (target.Has(Role.Administrator) && !(await credentials.ListAsync(cancellationToken)).Any(c => c.PasswordHash is not null))
        {
            return await SetAsync(target, command.NewPassword, "bootstrap", cancellationToken);
        }

        var acting = await access.RequireUserAsync("Setting a password", cancellationToken);
        var self = acting.Name == target.Name;
        if (!acting.Has(Role.Administrator))
        {
            if (!self)
            {
                throw await access.DenyAsync(acting.Name.Value, $"Only an administrator sets another user's password; {acting.Name} may change only their own.", null, cancellationToken);
            }

            var stored = await credentials.FindAsync(target.Name, cancellationToken);
            if (command.CurrentPassword is not { } current || stored?.PasswordHash is not { } currentHash || !hasher.Verify(current, currentHash)
                || !CredentialBinding.Holds(stored.PasswordSeal, binding.Seal(target.Name, currentHash)))
            {
                throw await access.DenyAsync(acting.Name.Value, $"Changing your own password needs your current password; the one given for {acting.Name} is wrong or missing.", null, cancellationToken);
            }
        }

        return await SetAsync(target, command.NewPassword, self ? "self" : "administrator", cancellationToken);
    }

    private async Task<UserName> SetAsync(User target, string password, string by, CancellationToken cancellationToken)
    {
        PasswordPolicy.EnsureAcceptable(target.Name, password);
        var entry = custody.Entry(target.Name.Value, new PasswordSetDetails(by, SessionsEnded: true));
        var hash = hasher.Hash(password);
        await credentials.SetPasswordAsync(target.Name, hash, binding.Seal(target.Name, hash), entry.At, entry, cancellationToken);
        return target.Name;
    }
}
