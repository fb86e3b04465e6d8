using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Cases;

// Statutory disclosure deadlines (what: `publish` or `takedown`) with the rule that set them, subject = the case number.

/// <summary>A clock started; <paramref name="Provisional"/> is written only when true, so entries of officially counted clocks read as before.</summary>
public sealed record DeadlineOpenedDetails(
    string What,
    DateOnly Due,
    string Rule,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Provisional = false) : ICustodyDetails
{
    public static string Action => CustodyActions.DeadlineOpened;
}

public sealed record DeadlineOverdueDetails(string What, DateOnly Due, string Rule) : ICustodyDetails
{
    public static string Action => CustodyActions.DeadlineOverdue;
}

public sealed record DeadlineMetDetails(string What, DateOnly Due, string Rule, DateOnly DoneOn, int DaysLate) : ICustodyDetails
{
    public static string Action => CustodyActions.DeadlineMet;
}

public sealed record DeadlineMissedDetails(string What, DateOnly Due, string Rule, DateOnly DoneOn, int DaysLate) : ICustodyDetails
{
    public static string Action => CustodyActions.DeadlineMissed;
}
