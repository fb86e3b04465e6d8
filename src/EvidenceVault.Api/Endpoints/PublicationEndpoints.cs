using EvidenceVault.Application.Disclosure;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;
using EvidenceVault.Hosting;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceVault.Api.Endpoints;

/// <summary>Decisions for the public site (公示): list, draft, redact, approve by a second person, withdraw; the CLI's use cases.</summary>
internal static class PublicationEndpoints
{
    public static void Map(RouteGroupBuilder publications)
    {
        publications.MapGet("/", async (IMediator mediator, string? status, CancellationToken ct) =>
            TypedResults.Ok(new PublicationList([.. (await mediator.Send(new ListPublicationsQuery(status is null ? null : Parse<PublicationStatus>(status, "status")), ct)).Select(PublicationDocuments.Publication)])));
        publications.MapPost("/", DraftAsync);
        publications.MapPost("/{id:long}/redact", async (IMediator mediator, long id, PublicationRedactRequest? body, CancellationToken ct) =>
            TypedResults.Ok(PublicationDocuments.Publication(await mediator.Send(new RedactPublicationCommand(id, Required.Field(Required.Body(body).Texts, "texts")), ct))));
        publications.MapPost("/{id:long}/approve", async (IMediator mediator, long id, CancellationToken ct) =>
            TypedResults.Ok(Published(await mediator.Send(new ApprovePublicationCommand(id), ct))));
        publications.MapPost("/{id:long}/withdraw", async (IMediator mediator, long id, PublicationWithdrawRequest? body, CancellationToken ct) =>
        {
            var request = Required.Body(body);
            var withdrawn = await mediator.Send(new WithdrawPublicationCommand(id, Parse<WithdrawalKind>(Required.Field(request.Kind, "kind"), "kind"), Required.Field(request.Reason, "reason")), ct);
            return TypedResults.Ok(new PublicationWithdrawalJson(RecordingDocument.Kind(withdrawn.Kind), withdrawn.Reason, RecordingDocument.Time(withdrawn.At)));
        });
    }

    private static async Task<Created<PublicationJson>> DraftAsync(IMediator mediator, PublicationDraftRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var draft = await mediator.Send(
            new DraftPublicationCommand(
                CaseNumber.Parse(Required.Field(request.Case, "case")),
                Required.Field(request.DocumentNumber, "documentNumber"),
                Required.Field(request.Agency, "agency"),
                request.NaturalPerson ? PartyKind.NaturalPerson : PartyKind.LegalPerson,
                request.PartyId,
                request.Minor,
                request.Confidentiality is { } c ? Parse<Confidentiality>(c, "confidentiality") : Confidentiality.None,
                Required.Field(request.Facts, "facts"),
                Required.Field(request.Basis, "basis"),
                request.OtherPersons ?? [],
                request.Addresses ?? []),
            cancellationToken);
        return TypedResults.Created($"/disclosure/publications/{draft.Id}", PublicationDocuments.Publication(draft));
    }

    private static PublishedJson Published(PublishedDecision p) => new(p.Id, RecordingDocument.Time(p.PublishedAt), RecordingDocument.Time(p.DisplayUntil));

    /// <summary>An enum by its name as the documents spell it (lower case); a wrong one is a 400 naming the field.</summary>
    private static T Parse<T>(string text, string field)
        where T : struct, Enum =>
        Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new FormatException($"'{text}' is not a {field} ({string.Join(", ", Enum.GetValues<T>().Select(v => RecordingDocument.Kind(v)))}).");
}

/// <summary>A publication on the site from now until the end of its display period.</summary>
internal sealed record PublishedJson(long Id, string? PublishedAt, string? DisplayUntil);
