using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Authentication;

/// <summary>A session began; <see cref="Session"/> is its short id (the start of its keyed digest), never the token.</summary>
public sealed record SignedInDetails(string Session, string? From) : ICustodyDetails
{
    public static string Action => CustodyActions.SignedIn;
}

/// <summary>
/// Sign-ins refused (<c>wrong-password</c>, <c>unknown-user</c>, <c>disabled</c>...): one entry per name per window;
/// <see cref="Failures"/> counts the failures since the name's previous entry, this one included.
/// </summary>
public sealed record SignInFailedDetails(string Reason, int Failures, string? From) : ICustodyDetails
{
    public static string Action => CustodyActions.SignInFailed;
}

/// <summary>A lock began (per client address or account-wide); <see cref="Failures"/>: failures since the name's previous entry.</summary>
public sealed record LockedOutDetails(DateTimeOffset? Until, int Failures) : ICustodyDetails
{
    public static string Action => CustodyActions.LockedOut;
}

public sealed record SignedOutDetails(string Session) : ICustodyDetails
{
    public static string Action => CustodyActions.SignedOut;
}

/// <summary>A password was set (<see cref="By"/> <c>self</c>, <c>administrator</c>, or <c>bootstrap</c> for the first administrator); every open session of the user ended.</summary>
public sealed record PasswordSetDetails(string By, bool SessionsEnded) : ICustodyDetails
{
    public static string Action => CustodyActions.PasswordSet;
}

/// <summary>A station key was issued; <see cref="Key"/> is its visible prefix.</summary>
public sealed record StationKeyIssuedDetails(string Key, string User) : ICustodyDetails
{
    public static string Action => CustodyActions.StationKeyIssued;
}

public sealed record StationKeyRevokedDetails(string Key, string User, string? Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.StationKeyRevoked;
}
