using System.Text.Json;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The public site's read of published 双随机 results: the published_inspections table and nothing else.</summary>
public sealed class SqlPublishedInspections(CatalogDatabase database) : IPublishedInspections
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<IReadOnlyList<PublishedInspection>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT task_id, data FROM published_inspections ORDER BY published_at DESC, task_id DESC", _ => { }, Read, cancellationToken);

    public async Task<PublishedInspection?> FindAsync(string task, CancellationToken cancellationToken)
    {
        long id;
        try
        {
            id = InspectionTaskId.Parse(task).Value;
        }
        catch (FormatException)
        {
            return null;
        }

        return (await database.QueryAsync("SELECT task_id, data FROM published_inspections WHERE task_id = @id", p => p.AddWithValue("@id", id), Read, cancellationToken)).SingleOrDefault();
    }

    private static PublishedInspection Read(System.Data.Common.DbDataReader r) => JsonSerializer.Deserialize<PublishedInspection>(r.GetString(1), Json)!;
}
