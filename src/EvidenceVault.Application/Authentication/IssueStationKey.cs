using System.Text;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Authentication;

/// <summary>
/// Issue an API key for a station, acting as a user (typically a station account with the officer role). The
/// key is returned once; only its keyed digest, its seal and its visible prefix are kept.
/// </summary>
public sealed record IssueStationKeyCommand(StationName Station, UserName User) : ICommand<IssuedStationKey>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

/// <summary>The stored key and its secret, to show once.</summary>
public sealed record IssuedStationKey(StationKey Key, string Secret)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key.Prefix);
        return true;
    }
}

public sealed class IssueStationKeyHandler(IUserStore users, IStationKeyStore keys, CredentialBinding binding, CustodyEntries custody) : ICommandHandler<IssueStationKeyCommand, IssuedStationKey>
{
    public async ValueTask<IssuedStationKey> Handle(IssueStationKeyCommand command, CancellationToken cancellationToken)
    {
        var user = await users.RequireAsync(command.User, cancellationToken);
        if (!user.IsActive)
        {
            throw new AccessRuleException($"User {user.Name} is disabled; a station key must act as an active user.");
        }

        var secret = Secrets.NewStationKey();
        var prefix = secret[..Secrets.StationKeyPrefixLength];
        var entry = custody.Entry(command.Station.Value, new StationKeyIssuedDetails(prefix, user.Name.Value));
        var digest = binding.Digest(secret);
        var key = new StationKey(0, prefix, command.Station, user.Name, entry.At, custody.Actor, null, null, null);
        return new IssuedStationKey(await keys.AddAsync(key with { Seal = binding.Seal(key, digest) }, digest, entry, cancellationToken), secret);
    }
}
