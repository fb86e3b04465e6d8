using System.Data.Common;
using System.Globalization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The registry in the catalog database (SQLite or PostgreSQL); every change carries its custody entry in the same transaction.</summary>
public sealed class SqlRegistry(CatalogDatabase database) : IRegistry
{
    public Task SaveOfficerAsync(Officer officer, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteAsync(
            "INSERT INTO officers (number, name, certificate, unit) VALUES (@n, @name, @cert, @unit) ON CONFLICT (number) DO UPDATE SET name = @name, certificate = @cert, unit = @unit",
            p =>
            {
                p.AddWithValue("@n", officer.Number.Value);
                p.AddWithValue("@name", officer.Name);
                p.AddWithValue("@cert", (object?)officer.CertificateNumber ?? DBNull.Value);
                p.AddWithValue("@unit", (object?)officer.Unit ?? DBNull.Value);
            },
            custody,
            cancellationToken);

    public Task<IReadOnlyList<Officer>> OfficersAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT number, name, certificate, unit FROM officers ORDER BY number",
            _ => { },
            r => new Officer(OfficerId.Parse(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken);

    public Task SaveDeviceAsync(Device device, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteAsync(
            "INSERT INTO devices (id, model, unit) VALUES (@id, @model, @unit) ON CONFLICT (id) DO UPDATE SET model = @model, unit = @unit",
            p =>
            {
                p.AddWithValue("@id", device.Id.Value);
                p.AddWithValue("@model", (object?)device.Model ?? DBNull.Value);
                p.AddWithValue("@unit", (object?)device.Unit ?? DBNull.Value);
            },
            custody,
            cancellationToken);

    public Task<IReadOnlyList<Device>> DevicesAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT id, model, unit FROM devices ORDER BY id",
            _ => { },
            r => new Device(DeviceId.Parse(r.GetString(0)), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)),
            cancellationToken);

    public Task<BindingChange> BindAsync(DeviceBinding binding, Func<BindingChange, CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var close = connection.CreateCommand();
                close.Transaction = transaction;
                close.CommandText = "UPDATE device_bindings SET to_at = @from WHERE device_id = @device AND to_at IS NULL AND from_utc < @from_utc RETURNING id";
                BindBinding(close.Parameters, binding);
                var closed = new List<long>();
                using (var reader = await close.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        closed.Add(reader.GetInt64(0));
                    }
                }

                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO device_bindings (device_id, officer_number, from_at, to_at, from_utc) VALUES (@device, @officer, @from, @to, @from_utc) RETURNING id";
                BindBinding(insert.Parameters, binding);
                var id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                var change = new BindingChange(binding with { Id = id }, [.. closed.Order()]);

                // Built only now so that it names the new row and the rows it closed, and it commits with them.
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody(change), cancellationToken);
                return change;
            },
            cancellationToken);

    public Task<IReadOnlyList<DeviceBinding>> BindingsAsync(DeviceId? device, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT device_id, officer_number, from_at, to_at, id FROM device_bindings WHERE device_id = @device OR @device IS NULL ORDER BY device_id, from_utc",
            p => p.AddWithValue("@device", device is { } d ? d.Value : DBNull.Value),
            r => new DeviceBinding(DeviceId.Parse(r.GetString(0)), OfficerId.Parse(r.GetString(1)), When(r.GetString(2)), r.IsDBNull(3) ? null : When(r.GetString(3))) { Id = r.GetInt64(4) },
            cancellationToken);

    private static void BindBinding(DbParameterCollection p, DeviceBinding binding)
    {
        p.AddWithValue("@device", binding.Device.Value);
        p.AddWithValue("@officer", binding.Officer.Value);
        p.AddWithValue("@from", RecordingRows.Time(binding.From));
        p.AddWithValue("@to", binding.To is { } to ? RecordingRows.Time(to) : DBNull.Value);
        p.AddWithValue("@from_utc", RecordingRows.UtcKey(binding.From));
    }

    private static DateTimeOffset When(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private Task WriteAsync(string sql, Action<DbParameterCollection> bind, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(sql, bind, custody, cancellationToken);

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbParameterCollection> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        database.QueryAsync(sql, bind, read, cancellationToken);
}
