using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Application.Station;

/// <summary>
/// The bays of every configured station, read at once, for the archive's live view: which recorder and officer sits in
/// which bay and how far its copy is. A station that does not answer in time is shown as such; the others still are.
/// </summary>
public sealed record ShowStationBoardsQuery : IQuery<IReadOnlyList<StationBoardReading>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Integrity;
}

/// <summary>One station's board, or why it could not be read.</summary>
public sealed record StationBoardReading(string Name, Uri Url, BoardSnapshot? Board, string? Problem);

public sealed class ShowStationBoardsHandler(IStationBoards boards, IOptions<StationBoardsOptions> options)
    : IQueryHandler<ShowStationBoardsQuery, IReadOnlyList<StationBoardReading>>
{
    public async ValueTask<IReadOnlyList<StationBoardReading>> Handle(ShowStationBoardsQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return await Task.WhenAll(settings.Stations.Where(s => s.Url is not null).Select(s => ReadAsync(s.Name, s.Url!, settings.Timeout, cancellationToken)));
    }

    private async Task<StationBoardReading> ReadAsync(string name, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return new StationBoardReading(name, url, await boards.ReadAsync(url, deadline.Token), null);
        }
        catch (StationBoardUnavailableException ex)
        {
            return new StationBoardReading(name, url, null, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new StationBoardReading(name, url, null, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
    }
}
