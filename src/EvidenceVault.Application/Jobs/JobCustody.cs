using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Jobs;

/// <summary>A dead job given fresh attempts by a person, subject = the job's subject: how far it had got, and why it died.</summary>
public sealed record JobRetriedDetails(long Job, string Kind, int Attempts, string? LastError) : ICustodyDetails
{
    public static string Action => CustodyActions.JobRetried;
}
