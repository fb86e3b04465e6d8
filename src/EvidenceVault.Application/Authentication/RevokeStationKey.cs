using System.Globalization;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Authentication;

/// <summary>Revoke a station key, named by its prefix (<c>evk_1a2b3c4d</c>, or the whole key) or its number; it stops working at once.</summary>
public sealed record RevokeStationKeyCommand(string Key, string? Reason) : ICommand<StationKey>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class RevokeStationKeyHandler(IStationKeyStore keys, CustodyEntries custody) : ICommandHandler<RevokeStationKeyCommand, StationKey>
{
    public async ValueTask<StationKey> Handle(RevokeStationKeyCommand command, CancellationToken cancellationToken)
    {
        var key = Find(await keys.ListAsync(cancellationToken), command.Key.Trim())
            ?? throw new NotFoundException($"No station key is numbered or starts with '{Shown(command.Key.Trim())}' (see `stations keys list`).");
        if (key.IsRevoked)
        {
            throw new AccessRuleException($"Station key {key.Prefix} of {key.Station} was already revoked at {key.RevokedAt:yyyy-MM-dd HH:mm:ss zzz}.");
        }

        var entry = custody.Entry(key.Station.Value, new StationKeyRevokedDetails(key.Prefix, key.User.Value, command.Reason));
        await keys.RevokeAsync(key.Id, entry.At, custody.Actor, entry, cancellationToken);
        return key with { RevokedAt = entry.At, RevokedBy = custody.Actor };
    }

    private static StationKey? Find(IReadOnlyList<StationKey> keys, string text) =>
        text.StartsWith(Secrets.StationKeyMark, StringComparison.OrdinalIgnoreCase) && text.Length >= Secrets.StationKeyPrefixLength
            ? keys.SingleOrDefault(k => string.Equals(k.Prefix, text[..Secrets.StationKeyPrefixLength], StringComparison.OrdinalIgnoreCase))
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? keys.SingleOrDefault(k => k.Id == id) : null;

    // Someone may paste a whole key here: never echo more than its prefix.
    private static string Shown(string text) => text.Length > Secrets.StationKeyPrefixLength ? text[..Secrets.StationKeyPrefixLength] + "…" : text;
}
