using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Cases;

// Statutory disclosure deadlines (what: `publish` or `takedown`) with the rule that set them, subject = the case number.

public sealed record DeadlineOpenedDetails(string What, DateOnly Due, string Rule) : ICustodyDetails
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
