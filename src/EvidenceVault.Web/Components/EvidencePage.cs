using EvidenceVault.Application;
using Mediator;
using Microsoft.AspNetCore.Components;

namespace EvidenceVault.Web.Components;

/// <summary>
/// What every page shares: the use cases, the words, and one way to show a use case's refusal — its reason code and
/// message, with the HTTP status the API would give — instead of an error page that loses the user's input.
/// </summary>
public abstract class EvidencePage : ComponentBase
{
    [Inject]
    protected IMediator Mediator { get; set; } = default!;

    [Inject]
    protected Ui Ui { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected ErrorStatus ErrorStatus { get; set; } = default!;

    [Inject]
    protected SignedInUser Me { get; set; } = default!;

    [CascadingParameter]
    protected HttpContext Http { get; set; } = default!;

    /// <summary>The refusal of the last use case run through <see cref="RunAsync{T}"/>, shown by <c>&lt;Problem&gt;</c>.</summary>
    protected ErrorCode? ProblemCode { get; private set; }

    protected string? ProblemMessage { get; private set; }

    /// <summary>The user the request acts as (looked up once per request), or null with the page's problem set.</summary>
    protected Task<Domain.Access.User?> SignedInAsync() => RunAsync(ct => new ValueTask<Domain.Access.User>(Me.GetAsync(ct)));

    /// <summary>Sends a use case; an answer it gives as an error (denied, not found, conflict...) becomes the page's problem.</summary>
    protected async Task<T?> RunAsync<T>(Func<CancellationToken, ValueTask<T>> useCase)
    {
        try
        {
            return await useCase(Http.RequestAborted);
        }
        catch (Exception ex) when (Errors.Classify(ex) is { } error)
        {
            ProblemCode = error;
            ProblemMessage = ex.Message;
            if (!Http.Response.HasStarted)
            {
                Http.Response.StatusCode = ErrorStatus.StatusOf(error);
            }

            return default;
        }
    }
}
