using EvidenceVault.Application.Access;
using Mediator;

namespace EvidenceVault.Application.Behaviors;

/// <summary>
/// Checks the acting user's roles before a role-restricted use case runs; a refusal is written to the custody
/// log by <see cref="AccessControl"/> and surfaces as <see cref="AccessDeniedException"/>.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(AccessControl access) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCaseName = typeof(TMessage).Name.Replace("Command", string.Empty, StringComparison.Ordinal).Replace("Query", string.Empty, StringComparison.Ordinal);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IRoleRestricted restricted)
        {
            await access.RequireRoleAsync(restricted.AllowedRoles, UseCaseName, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
