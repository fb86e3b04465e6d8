using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Access;

/// <summary>A station's name (a docking station, or a device that uploads on its own): who the API key stands for.</summary>
public readonly record struct StationName
{
    private StationName(string value) => Value = value;

    public string Value { get; }

    public static StationName Parse(string value) => new(Identifier.Validate(value, "station name"));

    public override string ToString() => Value;
}

/// <summary>
/// An API key issued to a station. The station acts as <see cref="User"/> (its roles, its disabling), and the
/// custody log names both. Only the key's keyed digest is stored; <see cref="Prefix"/> is the visible start of the
/// key, enough to recognise it in a list or in a station's configuration.
/// </summary>
public sealed record StationKey(
    long Id,
    string Prefix,
    StationName Station,
    UserName User,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    /// <summary>The server's MAC over digest, prefix, station and user; a row without a valid one (planted, edited, or older) does not authenticate.</summary>
    public string? Seal { get; init; }

    /// <summary>The keyed digest the key is found by, as the catalog holds it (null until stored).</summary>
    public string? Digest { get; init; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The custody log's actor for requests made with this key: the bound user, through the station.</summary>
    public string Actor => LedgerActor(User, Station);

    public static string LedgerActor(UserName user, StationName station) => $"{user} (station {station})";
}
