namespace EvidenceVault.Domain.Requests;

/// <summary>Where a request stands (政府信息公开条例 arts. 30, 33, 36).</summary>
public enum InformationRequestStatus
{
    Received,

    /// <summary>The one notice to complete the request went out (art. 30); no reply clock runs until it is completed.</summary>
    AwaitingCompletion,

    /// <summary>The completed request arrived: the 20 working days start again from that day.</summary>
    Completed,

    Answered,
}

/// <summary>The form the applicant asked for the information in.</summary>
public enum PreferredForm
{
    Paper,
    Electronic,
}

/// <summary>The reply's kind (art. 36), each with its legal ground in the answer.</summary>
public enum ReplyOutcome
{
    /// <summary>公开.</summary>
    Disclosed,

    /// <summary>部分公开.</summary>
    PartlyDisclosed,

    /// <summary>不予公开.</summary>
    Withheld,

    /// <summary>无此信息 (经检索没有所申请公开信息).</summary>
    NotHeld,

    /// <summary>不属于本机关负责公开.</summary>
    NotThisAgency,

    /// <summary>已主动公开: told where to find it.</summary>
    AlreadyPublished,

    /// <summary>视为放弃申请: the applicant did not complete the request (art. 30).</summary>
    Abandoned,
}

/// <summary>Who asked: a person or an organisation, and how to reach them; at least one contact is required.</summary>
public sealed record Applicant(string Name, string? IdType, string? IdNumber, string? Phone, string? Email, string? Address);

/// <summary>A step someone recorded on a request, and when (the station's day).</summary>
public sealed record RequestStep(string By, DateOnly On, string Text);

/// <summary>An extension of the reply period by up to 20 working days, once, with the approving head and the reason (art. 33).</summary>
public sealed record RequestExtension(string By, DateOnly On, string Approver, string Reason);

/// <summary>The reply: its outcome, the legal ground as written, who recorded it and when.</summary>
public sealed record RequestAnswer(string By, DateOnly On, ReplyOutcome Outcome, string Ground);

/// <summary>
/// A request from the public for government information (依申请公开): who asked, for what, in which form; received on the station's
/// day it was submitted (art. 31: an online request is received the day the agency confirms it, and the form confirms at once).
/// </summary>
public sealed record InformationRequest(
    InformationRequestId Id,
    Applicant Applicant,
    string Description,
    string? Purpose,
    PreferredForm Form,
    DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn,
    InformationRequestStatus Status)
{
    /// <summary>The notice to complete the request: what was missing.</summary>
    public RequestStep? CompletionNotice { get; init; }

    /// <summary>The completed request's arrival.</summary>
    public RequestStep? Completion { get; init; }

    public RequestExtension? Extension { get; init; }

    public RequestAnswer? Answer { get; init; }

    /// <summary>The day the reply clock counts from: the completed request's, else the receipt's; null while awaiting completion.</summary>
    public DateOnly? ClockStart => Status switch
    {
        InformationRequestStatus.AwaitingCompletion => null,
        _ when Completion is { } completed => completed.On,
        InformationRequestStatus.Answered when CompletionNotice is not null => null,
        _ => ReceivedOn,
    };
}
