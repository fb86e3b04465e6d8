using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Media;
using Mediator;

namespace EvidenceVault.Api;

/// <summary><c>GET /healthz</c>: catalog, vault and ffmpeg, the same checks as <c>evidencevault doctor</c>.</summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> CheckAsync(IMediator mediator, IMediaProbe media, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        SystemReport? report = null;
        try
        {
            report = await mediator.Send(new DiagnoseQuery(), cancellationToken);
            problems.AddRange(report.Problems);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Diagnose reads the catalog first; anything it cannot survive means the catalog is unusable.
            problems.Add($"catalog unreachable: {ex.Message}");
        }

        string? tools = null;
        try
        {
            tools = await media.DescribeToolsAsync(cancellationToken);
        }
        catch (MediaToolMissingException ex)
        {
            problems.Add($"ffmpeg missing: {ex.Message}");
        }

        var document = new
        {
            status = problems.Count == 0 ? "healthy" : "unhealthy",
            catalog = report is null ? "unreachable" : "ok",
            vault = report?.Vault,
            retentionEnforcement = report?.RetentionEnforcement,
            custodyChain = report?.CustodyChain,
            pendingMediaJobs = report?.PendingMediaJobs,
            mediaTools = tools,
            problems,
        };
        return TypedResults.Json(document, statusCode: problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
