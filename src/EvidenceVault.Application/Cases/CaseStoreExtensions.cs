using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Cases;

/// <summary>Lookups every case use case needs.</summary>
public static class CaseStoreExtensions
{
    /// <summary>The case, or a clear error naming the number when there is none.</summary>
    public static async Task<EnforcementCase> RequireAsync(this ICaseStore cases, CaseNumber number, CancellationToken cancellationToken) =>
        await cases.FindAsync(number, cancellationToken) ?? throw new NotFoundException($"No case has the number {number}.");
}
