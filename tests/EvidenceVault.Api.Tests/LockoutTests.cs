using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// Lockout without lockout-DoS or enumeration: failures lock per user and client address (5), account-wide only
/// after 20 from anywhere; unknown names answer exactly as real ones; failures are logged per window, not per attempt.
/// Clients come from distinct loopback addresses (127.0.0.x) so the server sees distinct client addresses.
/// </summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();
    private readonly List<HttpClient> _clients = [];

    public Task InitializeAsync() => _host.InitializeAsync();

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_StrangerFailsFiveTimesElsewhere_OwnerStillSignsIn()
    {
        await _host.SignInAsync(ApiHost.Administrator);
        var stranger = From("127.0.0.2");

        var strangers = await FailAsync(stranger, ApiHost.Administrator, 6);
        using var owner = await From("127.0.0.3").PostAsJsonAsync("/auth/sign-in", new { user = ApiHost.Administrator, password = ApiHost.PasswordOf(ApiHost.Administrator) });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Locked, HttpStatusCode.Locked], strangers);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownAndKnownNames_SameAnswersSameLock()
    {
        await _host.SignInAsync("archivist");
        var client = From("127.0.0.4");

        var known = await FailAsync(client, "archivist", 6);
        var unknown = await FailAsync(client, "ghost", 6);

        Assert.Equal(known, unknown);
        Assert.Equal(HttpStatusCode.Locked, known[^1]);
    }

    [Fact]
    public async Task SignIn_TwentyFailuresFromFiveAddresses_LockTheAccountEverywhere()
    {
        await _host.SignInAsync("reviewer");
        foreach (var address in new[] { "127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14", "127.0.0.15" })
        {
            await FailAsync(From(address), "reviewer", 4);
        }

        using var owner = await From("127.0.0.16").PostAsJsonAsync("/auth/sign-in", new { user = "reviewer", password = ApiHost.PasswordOf("reviewer") });
        var custody = await _host.CustodyAsync("reviewer");

        Assert.Equal(HttpStatusCode.Locked, owner.StatusCode);
        Assert.Single(custody, e => e.Action == CustodyActions.SignInFailed);
        Assert.Contains("\"failures\":19", Assert.Single(custody, e => e.Action == CustodyActions.LockedOut).Details, StringComparison.Ordinal);
    }

    private static async Task<List<HttpStatusCode>> FailAsync(HttpClient client, string user, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var response = await client.PostAsJsonAsync("/auth/sign-in", new { user, password = "wrong-password-" + i });
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private HttpClient From(string address)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = _host.Anonymous.BaseAddress };
        _clients.Add(client);
        return client;
    }
}
