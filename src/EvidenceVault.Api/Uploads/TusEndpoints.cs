using System.Globalization;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Uploads;
using EvidenceVault.Web;
using Mediator;
using Microsoft.AspNetCore.Http.Features;

namespace EvidenceVault.Api.Uploads;

/// <summary>
/// Resumable uploads, tus 1.0.0 (core, creation, creation-with-upload, checksum with sha256, termination,
/// expiration). Each request is one use case; the protocol stays here, the rules stay in the application layer.
/// </summary>
internal static class TusEndpoints
{
    private const string Extensions = "creation,creation-with-upload,checksum,termination,expiration";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapMethods("/", [HttpMethods.Options], Discover);
        group.MapPost("/", CreateAsync).RequireRateLimiting(RequestLimits.UploadCreation);
        group.MapMethods("/{id}", [HttpMethods.Head], ShowAsync);
        group.MapPatch("/{id}", AppendAsync);
        group.MapDelete("/{id}", TerminateAsync);
    }

    /// <summary>Every <c>/uploads</c> answer carries Tus-Resumable, also the 401 sent by authentication before any endpoint filter runs.</summary>
    public static void UseResumableHeader(IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/uploads", StringComparison.Ordinal) || http.Request.Path.StartsWithSegments(WebUploads.Path, StringComparison.Ordinal))
            {
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers[TusHeaders.Resumable] = TusHeaders.Version;
                    return Task.CompletedTask;
                });
            }

            await next(http);
        });

    /// <summary>Every answer carries <c>Tus-Resumable</c> (problems too); a request for another protocol version gets 412.</summary>
    public static async ValueTask<object?> TusResumable(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers[TusHeaders.Resumable] != TusHeaders.Version)
        {
            http.Response.Headers["Tus-Version"] = TusHeaders.Version;
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "UnsupportedTusVersion",
                detail: $"This server speaks tus {TusHeaders.Version}; send the header {TusHeaders.Resumable}: {TusHeaders.Version}.");
        }

        return await next(context);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.NoContent Discover(HttpResponse response, UploadLimits limits)
    {
        response.Headers["Tus-Version"] = TusHeaders.Version;
        response.Headers["Tus-Extension"] = Extensions;
        response.Headers["Tus-Max-Size"] = limits.MaxBytes.ToString(CultureInfo.InvariantCulture);
        response.Headers["Tus-Checksum-Algorithm"] = "sha256";
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IMediator mediator, PublicAddress address, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.Headers.ContainsKey("Upload-Defer-Length"))
        {
            throw new FormatException("Upload-Defer-Length is not supported: declare Upload-Length (and the file's SHA-256) when creating the upload.");
        }

        var length = TusHeaders.ParseNumber(TusHeaders.UploadLength, request.Headers[TusHeaders.UploadLength]);
        var metadata = TusHeaders.ParseMetadata(request.Headers[TusHeaders.UploadMetadata]);
        var state = await mediator.Send(
            new CreateUploadCommand(length, metadata.GetValueOrDefault("filename"), metadata.GetValueOrDefault("sha256"), metadata.GetValueOrDefault("device"), metadata.GetValueOrDefault("officer"))
            {
                Case = metadata.GetValueOrDefault("case"),
                Stage = metadata.GetValueOrDefault("stage"),
                DocumentType = metadata.GetValueOrDefault("documentType"),
            },
            cancellationToken);

        // creation-with-upload: the first chunk may ride along with the creation request.
        if (request.ContentType == TusHeaders.OffsetOctetStream && request.ContentLength is > 0)
        {
            state = await SendChunkAsync(http, mediator, state.Id, 0, cancellationToken);
        }

        TusHeaders.WriteState(http.Response, state);
        // The upload lives under the collection it was created at: /uploads for API clients, the web app's own mount for browsers.
        return TypedResults.Created(address.For(request, $"{request.Path.Value!.TrimEnd('/')}/{state.Id}"));
    }

    private static async Task<IResult> ShowAsync(HttpResponse response, IMediator mediator, string id, CancellationToken cancellationToken)
    {
        var state = await mediator.Send(new ShowUploadQuery(Parse(id)), cancellationToken);
        TusHeaders.WriteState(response, state);
        response.Headers[TusHeaders.UploadLength] = state.Upload.Length.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok();
    }

    private static async Task<IResult> AppendAsync(HttpContext http, IMediator mediator, string id, CancellationToken cancellationToken)
    {
        if (http.Request.ContentType != TusHeaders.OffsetOctetStream)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "UnsupportedChunkType", detail: $"A PATCH must carry Content-Type: {TusHeaders.OffsetOctetStream}.");
        }

        var offset = TusHeaders.ParseNumber(TusHeaders.UploadOffset, http.Request.Headers[TusHeaders.UploadOffset]);
        TusHeaders.WriteState(http.Response, await SendChunkAsync(http, mediator, Parse(id), offset, cancellationToken));
        return TypedResults.NoContent();
    }

    private static async Task<IResult> TerminateAsync(IMediator mediator, string id, CancellationToken cancellationToken)
    {
        await mediator.Send(new TerminateUploadCommand(Parse(id)), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<UploadState> SendChunkAsync(HttpContext http, IMediator mediator, UploadId id, long offset, CancellationToken cancellationToken)
    {
        // Kestrel's 30 MB body cap would cut a large chunk short; the declared Upload-Length bounds it instead.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var checksum = TusHeaders.ParseChecksum(http.Request.Headers[TusHeaders.UploadChecksum]);
        return await mediator.Send(new AppendUploadCommand(id, offset, http.Request.Body, http.Request.ContentLength, checksum), cancellationToken);
    }

    /// <summary>A malformed id names no upload: 404, like an unknown one.</summary>
    private static UploadId Parse(string id) =>
        UploadId.TryParse(id, out var parsed) ? parsed : throw new UploadNotFoundException($"There is no upload {id}.");
}
