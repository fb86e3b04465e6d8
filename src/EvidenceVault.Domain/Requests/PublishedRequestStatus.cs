namespace EvidenceVault.Domain.Requests;

/// <summary>Where a request stands as the public status page says it; the names are the page's.</summary>
public enum RequestStage
{
    /// <summary>已受理: received (or completed) and running its 20 working days.</summary>
    Received,

    /// <summary>需补正: the one completion notice went out; no reply clock runs.</summary>
    AwaitingCompletion,

    /// <summary>已延期: the reply period was extended (条例 art. 33).</summary>
    Extended,

    /// <summary>已答复.</summary>
    Answered,
}

/// <summary>
/// The published status of one request: stage and dates only. No name, contact, request text or reply ground, so the anonymous
/// site holding a row learns nothing about who asked or what.
/// </summary>
public sealed record PublishedRequestStatus(RequestStage Stage, DateOnly ReceivedOn, DateOnly? DueOn, bool DueProvisional, DateOnly? AnsweredOn)
{
    /// <summary>The request's status now, its due date counted by <paramref name="rules"/>.</summary>
    public static PublishedRequestStatus Of(InformationRequest request, ReplyRules rules)
    {
        var due = rules.ReplyDue(request);
        var stage = request.Status switch
        {
            InformationRequestStatus.Answered => RequestStage.Answered,
            InformationRequestStatus.AwaitingCompletion => RequestStage.AwaitingCompletion,
            _ when request.Extension is not null => RequestStage.Extended,
            _ => RequestStage.Received,
        };
        return new PublishedRequestStatus(stage, request.ReceivedOn, due?.Due, due?.Provisional ?? false, request.Answer?.On);
    }
}
