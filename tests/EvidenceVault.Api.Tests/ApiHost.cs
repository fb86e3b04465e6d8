using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Audit;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// The real API on a loopback port over a temporary data folder (SQLite + local vault) and a fake clock, with one
/// real photo ingested for officer 010203 and one user per role: <c>admin</c> (administrator), <c>officer</c>
/// (010203, owns the photo), <c>archivist</c> and <c>reviewer</c> (no grants). <see cref="Client"/> is signed in as
/// <see cref="Actor"/>; <see cref="ClientForAsync"/> signs in any role; <see cref="Anonymous"/> carries no credential.
/// With <see cref="Workers"/> above zero the host also runs job workers (role all). Use cases sent through <c>SendAsync</c> (outside any request) act as the administrator.
/// </summary>
public sealed class ApiHost : IAsyncLifetime
{
    public const string Actor = "officer";
    public const string Administrator = "admin";

    /// <summary>Head of the officers' department and senior: approves every retrieval tier in these tests.</summary>
    public const string Leader = "leader";
    public static readonly OfficerId OfficerNumber = OfficerId.Parse("010203");

    private readonly string _root = Directory.CreateTempSubdirectory("ev-api-").FullName;
    private readonly List<HttpClient> _clients = [];
    private readonly HashSet<string> _passwordsSet = [];
    private WebApplication? _app;

    /// <summary>How many job workers run inside the API process (role all); none by default.</summary>
    public int Workers { get; init; }

    public HttpClient Client { get; } = new();

    public HttpClient Anonymous { get; } = new();

    /// <summary>Every clock of the host; advance it to cross lockout and idle edges.</summary>
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Today at the station (Asia/Shanghai, the settings' default): the day people type into date fields.</summary>
    public DateOnly StationToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    public string RecordingId { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public string Data => Primary?.Data ?? Path.Combine(_root, "data");

    /// <summary>Another API node of <see cref="Primary"/>'s deployment: same data folder, catalog and storage, nothing seeded again.</summary>
    public ApiHost? Primary { get; init; }

    /// <summary>Null for the local upload store; <c>azure://&lt;container&gt;</c> for the blob one.</summary>
    public string? UploadStoreUri { get; init; }

    /// <summary>The vault (<c>azure://&lt;container&gt;</c>); null for the local vault under the data folder.</summary>
    public string? VaultUri { get; init; }

    public string? AzureConnectionString { get; init; }

    /// <summary>The address clients reach the API at, for absolute upload URLs; null for relative ones.</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>Last changes to the host's services, after its own (e.g. shorter storage timings).</summary>
    public Action<IServiceCollection>? Configure { get; init; }

    /// <summary>The upload limits the host starts with (set before <see cref="InitializeAsync"/>).</summary>
    public UploadLimits Uploads { get; init; } = new();

    /// <summary>The API's body size and rates; tests sign in far more often than people do, so rates are high unless a test sets them.</summary>
    public ApiLimits Limits { get; init; } = new() { SignInsPerMinute = 100_000, AnonymousPerSecond = 100_000, UploadCreationsPerMinute = 100_000, DownloadsPerUser = 100_000 };

    /// <summary>The temporary folder around the data folder: nothing may ever be written here by an upload.</summary>
    public string Root => _root;

    public IServiceProvider Services => _app!.Services;

    public static string UserFor(Role role) => role switch
    {
        Role.Officer => Actor,
        Role.Administrator => Administrator,
        _ => role.ToString().ToLowerInvariant(),
    };

    public static string PasswordOf(string user) => $"{user}-correct-horse-battery";

    public async Task InitializeAsync()
    {
        var recorder = Directory.CreateDirectory(Path.Combine(_root, "recorder")).FullName;
        MakePhoto(Path.Combine(recorder, "photo.jpg"));
        _app = EvidenceVaultApi.Build(
            new EvidenceVaultSettings
            {
                DataDirectory = Data,
                Actor = Administrator,
                Uploads = Uploads,
                Api = Limits,
                VaultUri = Primary?.VaultUri ?? VaultUri,
                AzureConnectionString = Primary?.AzureConnectionString ?? AzureConnectionString,
                PublicBaseUrl = PublicBaseUrl,
                UploadStoreUri = Primary?.UploadStoreUri ?? UploadStoreUri,
            },
            ["http://127.0.0.1:0"],
            Workers,
            services =>
            {
                // Workers poll on the clock, so a host running them keeps the real one.
                if (Workers == 0)
                {
                    services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
                }

                Configure?.Invoke(services);
            });
        await _app.StartAsync();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        (Client.BaseAddress, Anonymous.BaseAddress) = (address, address);
        if (Primary is not null)
        {
            Client.DefaultRequestHeaders.Authorization = Primary.Client.DefaultRequestHeaders.Authorization;
            (RecordingId, Sha256) = (Primary.RecordingId, Primary.Sha256);
            return;
        }

        var report = await SendAsync(new IngestSourceCommand(recorder, new IngestOptions(Officer: OfficerNumber, DeferMedia: true)));
        var item = Assert.Single(report.Items);
        (RecordingId, Sha256) = (item.RecordingId!.Value.Value, item.Sha256!.Value.Hex);

        await AddUserAsync(Administrator, null, Role.Administrator);
        await AddUserAsync(Actor, OfficerNumber, Role.Officer);
        await AddUserAsync(UserFor(Role.Archivist), null, Role.Archivist);
        await AddUserAsync(UserFor(Role.Reviewer), null, Role.Reviewer);
        await SendAsync(new AddUserCommand(new User(UserName.Parse(Leader), "中队长", "一中队", new HashSet<Role> { Role.Officer }, true, true, null, true)));
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(Actor));
    }

    public string VaultObject => VaultObjectOf(Sha256);

    /// <summary>Runs a use case outside any request, as the administrator.</summary>
    public ValueTask<T> SendAsync<T>(ICommand<T> command) => Services.GetRequiredService<IMediator>().Send(command);

    /// <summary>Runs a query outside any request, as the administrator.</summary>
    public ValueTask<T> SendAsync<T>(IQuery<T> query) => Services.GetRequiredService<IMediator>().Send(query);

    public Task AddUserAsync(string name, OfficerId? officer, params Role[] roles) =>
        SendAsync(new AddUserCommand(new User(UserName.Parse(name), name, "一中队", roles.ToHashSet(), false, false, officer, true))).AsTask();

    /// <summary>Sets the user's password (<see cref="PasswordOf"/>) once, signs in and returns the bearer token.</summary>
    public async Task<string> SignInAsync(string user)
    {
        if (_passwordsSet.Add(user))
        {
            await SendAsync(new SetPasswordCommand(UserName.Parse(user), PasswordOf(user), null));
        }

        using var response = await Anonymous.PostAsJsonAsync("/auth/sign-in", new { user, password = PasswordOf(user) });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A client signed in as the fixture's user holding <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientForAsync(Role role) => ClientWith(new AuthenticationHeaderValue("Bearer", await SignInAsync(UserFor(role))));

    /// <summary>An approved retrieval grant for the role's user over the given case or recordings, through the API.</summary>
    public async Task<string> GrantAsync(Role requester, string? caseNumber, params string[] recordings)
    {
        var from = StationToday;
        using var requested = await (await ClientForAsync(requester)).PostAsJsonAsync("/retrievals", new { @case = caseNumber, recordings, purpose = "复议审查", from, until = from.AddDays(7) });
        Assert.True(requested.IsSuccessStatusCode, await requested.Content.ReadAsStringAsync());
        var id = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var leader = ClientWith(new AuthenticationHeaderValue("Bearer", await SignInAsync(Leader)));
        using var approved = await leader.PostAsJsonAsync($"/retrievals/{id}/approve", new { reason = "依法调阅" });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A client that sends the given credential (a bearer token, or <c>ApiKey &lt;key&gt;</c>).</summary>
    public HttpClient ClientWith(AuthenticationHeaderValue authorization)
    {
        var client = new HttpClient { BaseAddress = Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = authorization;
        _clients.Add(client);
        return client;
    }

    /// <summary>Runs SQL on the catalog file behind the application's back, as someone with write access to the database would.</summary>
    public async Task EditCatalogAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "catalog.db")};Pooling=false");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The rows <c>audit verify</c> reports as edited behind the custody log.</summary>
    public async Task<IReadOnlyList<RowMismatch>> EditedRowsAsync()
    {
        var report = await SendAsync(new VerifyCustodyChainQuery());
        Assert.Null(report.FirstBreak);
        return report.EditedRows;
    }

    public async Task<IReadOnlyList<CustodyEntry>> CustodyAsync(string? subject = null) =>
        [.. (await Services.GetRequiredService<ICustodyLog>().ReadAsync(subject ?? RecordingId, CancellationToken.None)).Select(r => r.Entry)];

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Append(Client).Append(Anonymous))
        {
            client.Dispose();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        foreach (var file in Directory.GetFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Ingests one more photo made by <paramref name="officer"/> (its own bytes per <paramref name="variant"/>) and returns its id.</summary>
    /// <remarks>A photo <paramref name="madeAt"/> a past moment carries it as its file time, the way a recorder's file does.</remarks>
    public async Task<string> IngestPhotoAsync(OfficerId officer, int variant, DateTimeOffset? madeAt = null)
    {
        var recorder = Directory.CreateDirectory(Path.Combine(_root, $"recorder-{variant}")).FullName;
        var photo = Path.Combine(recorder, "photo.jpg");
        MakePhoto(photo, 240 + (2 * variant));
        if (madeAt is { } made)
        {
            File.SetLastWriteTimeUtc(photo, made.UtcDateTime);
        }

        var report = await SendAsync(new IngestSourceCommand(recorder, new IngestOptions(Officer: officer, DeferMedia: true)));
        return Assert.Single(report.Items).RecordingId!.Value.Value;
    }

    /// <summary>Ingests a recording of <paramref name="seconds"/> of stereo noise (about 190 KB a second, incompressible) by the officer; returns its id and SHA-256.</summary>
    public async Task<(string Id, string Sha256)> IngestNoiseAsync(int seconds)
    {
        var recorder = Directory.CreateDirectory(Path.Combine(_root, $"noise-{seconds}")).FullName;
        var path = Path.Combine(recorder, "noise.wav");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"anoisesrc=d={seconds}:r=48000", "-ac", "2", path]))!)
        {
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        var report = await SendAsync(new IngestSourceCommand(recorder, new IngestOptions(Officer: OfficerNumber, DeferMedia: true)));
        var item = Assert.Single(report.Items);
        return (item.RecordingId!.Value.Value, item.Sha256!.Value.Hex);
    }

    /// <summary>Where the local vault keeps the original with this SHA-256.</summary>
    public string VaultObjectOf(string sha256) => Path.Combine(Data, "vault", "originals", "sha256", sha256[..2], sha256[2..4], sha256);

    private static void MakePhoto(string path, int height = 240)
    {
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"testsrc=size=320x{height}:rate=1", "-frames:v", "1", path]))!;
        ffmpeg.WaitForExit();
        Assert.Equal(0, ffmpeg.ExitCode);
    }
}
