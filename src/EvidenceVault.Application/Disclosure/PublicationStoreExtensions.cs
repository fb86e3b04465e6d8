using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Application.Disclosure;

public static class PublicationStoreExtensions
{
    public static async Task<PublicationDraft> RequireAsync(this IPublicationStore publications, long id, CancellationToken cancellationToken) =>
        await publications.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"There is no publication {id}.");

    /// <summary>The publication, refused unless it is still a draft (what is published changes only by withdrawal).</summary>
    public static async Task<PublicationDraft> RequireDraftAsync(this IPublicationStore publications, long id, CancellationToken cancellationToken)
    {
        var draft = await publications.RequireAsync(id, cancellationToken);
        return draft.Status == PublicationStatus.Draft
            ? draft
            : throw new PublicationRuleException($"Publication {id} is {draft.Status.ToString().ToLowerInvariant()}, no longer a draft; a published decision changes only by withdrawal.");
    }
}
