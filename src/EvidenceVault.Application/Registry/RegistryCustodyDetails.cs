using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Registry;

// The custody details of registry changes, carrying every column of the row (see RegistryCustody).

/// <summary>An officer saved, subject = the officer number; <see cref="Source"/> <c>csv</c> for an import, absent otherwise.</summary>
public sealed record OfficerSavedDetails(
    string Name,
    string? Certificate,
    string? Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source) : ICustodyDetails
{
    public static string Action => CustodyActions.OfficerSaved;
}

/// <summary>A device saved, subject = the device id.</summary>
public sealed record DeviceSavedDetails(string? Model, string? Unit, string? Source) : ICustodyDetails
{
    public static string Action => CustodyActions.DeviceSaved;
}

/// <summary>A device bound to an officer from a time (until a time, or open); the bindings it closed end where this one starts.</summary>
public sealed record DeviceBoundDetails(long BindingId, string Officer, DateTimeOffset From, DateTimeOffset? To, IReadOnlyList<long> Closes, string? Source) : ICustodyDetails
{
    public static string Action => CustodyActions.DeviceBound;
}
