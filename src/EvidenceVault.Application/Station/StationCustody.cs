using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Station;

/// <summary>A recorder docked (subject = its device id): which bay, how it was identified, its clock against the station's.</summary>
public sealed record StationDockedDetails(
    int Bay,
    string Location,
    string Kind,
    string Identified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Serial,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ClockOffsetSeconds,
    string ClockSource,
    bool WipeAfterVerify) : ICustodyDetails
{
    public static string Action => CustodyActions.StationDocked;
}

/// <summary>Storage a station refused (subject = its serial, else its mount): why; nothing was read from it.</summary>
public sealed record StationRefusedDetails(int Bay, string Location, string Kind, string Reason, string Message) : ICustodyDetails
{
    public static string Action => CustodyActions.StationRefused;
}
