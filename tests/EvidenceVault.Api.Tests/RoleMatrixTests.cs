using System.Net;
using System.Net.Http.Json;
using System.Text;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// Every endpoint × every role, plus anonymous: anonymous gets 401, a role outside the endpoint's set gets 403, a role
/// inside it gets neither (the use case runs and may still answer 404/409 for the test's made-up ids). The table must
/// name every endpoint the app maps, so a new endpoint cannot ship without its row.
/// </summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    private const string Case = "京执罚〔2026〕11号";
    private const string EmptyCase = "京执罚〔2026〕12号";
    private const string O = "officer", A = "archivist", R = "reviewer", D = "administrator";
    private const string CaseWork = O + A + D, Everyone = O + A + R + D, Audit = A + R + D, Archive = A + D, Publishing = R + A + D;

    // Open by design: health (status only), the API description and signing in; metrics need a credential.
    private static readonly string[] Anonymous = ["GET /healthz", "GET /openapi/{documentName}.json", "GET /auth/notice", "POST /auth/sign-in"];

    /// <summary>The browser's door: session cookie, not bearer; <see cref="WebAppTests"/> walks its access rules.</summary>
    private static readonly string[] WebApp =
    [
        "GET /", "POST /", "GET /sign-in", "POST /sign-in", "GET /evidence", "POST /evidence", "GET /evidence/{Id}", "POST /evidence/{Id}",
        "GET /case-files", "POST /case-files", "GET /case-files/{Number}", "POST /case-files/{Number}", "GET /grants", "POST /grants",
        "GET /evidence/{id}/original", "GET /evidence/{id}/proxy", "GET /evidence/{id}/thumbnail", "GET /evidence/{id}/preview.jpg", "GET /evidence/{id}/preview.vtt", "GET /evidence/{id}/redactions/{copy}", "GET /session/keep-alive", "POST /sign-out",
        "GET /assets/{name}", "GET /language", "GET /_framework/opaque-redirect", "GET /upload", "POST /upload", "GET /archive", "POST /archive", "GET /stations", "POST /stations", "GET /publications", "POST /publications", "GET /admin", "POST /admin", "POST /case-files/{number}/package",
        "GET /requests", "POST /requests", "GET /requests/{Reference}", "POST /requests/{Reference}", "GET /prior-disclosure", "POST /prior-disclosure",
        "OPTIONS /browser-uploads", "POST /browser-uploads", "HEAD /browser-uploads/{id}", "PATCH /browser-uploads/{id}", "DELETE /browser-uploads/{id}",
        "GET /inspections", "POST /inspections",
    ];

    private readonly ApiHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        foreach (var number in new[] { Case, EmptyCase })
        {
            // An inspection file has a dated term, so a detach shortens nothing and the cell tests the role alone.
            await _host.SendAsync(new CreateCaseCommand(CaseNumber.Parse(number), EnforcementType.Inspection, "某某公司", null, [ApiHost.OfficerNumber]));
        }
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private static string C(string number) => Uri.EscapeDataString(number);

    private DateOnly Today => _host.StationToday;

    /// <summary>A seed due a month ahead, so a draw committed by an allowed role is valid.</summary>
    private DateTimeOffset SeedDue => _host.Time.GetUtcNow().AddDays(30);

    private IReadOnlyList<Row> Rows()
    {
        var id = _host.RecordingId;
        var day = new { date = "2026-03-02" };
        var reason = new { reason = "matrix" };
        return
        [
            new("GET", "/recordings", "/recordings", null, Everyone),
            new("GET", "/recordings/unfiled", "/recordings/unfiled", null, CaseWork),

            // Catalog entries: the owner (the officer made the photo), the archive and administrators.
            new("GET", "/recordings/{id}", $"/recordings/{id}", null, O + A + D),

            // Bytes: only the owner without a grant; everybody else needs one (see the grant test below).
            new("GET", "/recordings/{id}/original", $"/recordings/{id}/original", null, O),
            new("GET", "/recordings/{id}/proxy", $"/recordings/{id}/proxy", null, O),
            new("GET", "/recordings/{id}/thumbnail", $"/recordings/{id}/thumbnail", null, O),
            new("GET", "/recordings/{id}/preview.jpg", $"/recordings/{id}/preview.jpg", null, O),
            new("GET", "/recordings/{id}/preview.vtt", $"/recordings/{id}/preview.vtt", null, O),
            new("POST", "/recordings/{id}/marks", $"/recordings/{id}/marks", new { mark = "complaint", reason = "matrix" }, CaseWork),
            new("POST", "/recordings/{id}/marks/{mark}/remove", $"/recordings/{id}/marks/complaint/remove", reason, A),
            new("PUT", "/recordings/{id}/category", $"/recordings/{id}/category", new { category = (string?)null, reason = "matrix" }, A),
            new("GET", "/cases", "/cases", null, Everyone),
            new("POST", "/cases", "/cases", new { number = "京执罚〔2026〕13号", type = "penalty", party = "某某公司" }, CaseWork),
            new("GET", "/cases/{number}", $"/cases/{C(Case)}", null, Everyone),
            new("GET", "/cases/{number}/timeline", $"/cases/{C(Case)}/timeline", null, Everyone),
            new("POST", "/cases/{number}/links", $"/cases/{C(Case)}/links", new { recording = id, stage = "investigation", reason = "matrix" }, CaseWork),
            new("POST", "/cases/{number}/links/{recording}/detach", $"/cases/{C(Case)}/links/{id}/detach", reason, CaseWork),
            new("POST", "/cases/{number}/activities", $"/cases/{C(Case)}/activities", new { stage = "investigation", activityType = "inspection", start = "2026-03-01T10:00:00+08:00", end = "2026-03-01T11:00:00+08:00" }, CaseWork),
            new("PUT", "/cases/{number}/activities/{activityId:long}", $"/cases/{C(Case)}/activities/999", new { place = "仓库" }, O + D),
            new("POST", "/cases/{number}/legal-review", $"/cases/{C(Case)}/legal-review", new { reviewer = "法制科", opinion = "同意", date = "2026-03-02" }, R + D),
            new("POST", "/cases/{number}/decision", $"/cases/{C(Case)}/decision", new { date = "2026-03-02", conclusion = "罚款" }, CaseWork),
            new("POST", "/cases/{number}/revocation", $"/cases/{C(Case)}/revocation", day, CaseWork),
            new("POST", "/cases/{number}/export", $"/cases/{C(EmptyCase)}/export", null, R + A + D),
            new("POST", "/cases/{number}/close", $"/cases/{C(EmptyCase)}/close", null, CaseWork),
            new("POST", "/cases/{number}/reopen", $"/cases/{C(Case)}/reopen", reason, CaseWork),
            new("POST", "/cases/{number}/reopen/approve", $"/cases/{C(Case)}/reopen/approve", null, Everyone),
            new("GET", "/deadlines", "/deadlines", null, Everyone),
            new("GET", "/holds", "/holds", null, Audit),
            new("POST", "/holds", "/holds", new { recording = id, reason = "matrix", authority = "法院" }, A),
            new("POST", "/holds/{id:long}/release", "/holds/999/release", reason, A),
            new("GET", "/retention/plan", "/retention/plan", null, Archive),
            new("GET", "/retention/proposals", "/retention/proposals", null, Archive),
            new("POST", "/retention/proposals", "/retention/proposals", null, A),
            new("POST", "/retention/proposals/{id:long}/approve", "/retention/proposals/999/approve", reason, A),
            new("POST", "/retention/proposals/{id:long}/reject", "/retention/proposals/999/reject", reason, A),
            new("POST", "/retention/proposals/{id:long}/recover", "/retention/proposals/999/recover", reason, A),
            new("POST", "/retention/purge", "/retention/purge", null, A),
            new("GET", "/retrievals", "/retrievals", null, Everyone),
            new("POST", "/retrievals", "/retrievals", new { recordings = new[] { id }, purpose = "matrix", from = Today, until = Today.AddDays(7) }, Everyone),
            new("GET", "/retrievals/{id}", "/retrievals/R-999", null, Everyone),
            new("GET", "/retrievals/{id}/recordings", "/retrievals/R-999/recordings", null, Everyone),
            new("POST", "/retrievals/{id}/approve", "/retrievals/R-999/approve", reason, Everyone),
            new("POST", "/retrievals/{id}/reject", "/retrievals/R-999/reject", reason, Everyone),
            new("POST", "/retrievals/{id}/revoke", "/retrievals/R-999/revoke", reason, Everyone),
            new("GET", "/audit/custody", $"/audit/custody?subject={id}", null, Audit),
            new("GET", "/audit/verify", "/audit/verify", null, Audit),
            new("POST", "/auth/sign-out", "/auth/sign-out", null, Everyone),
            new("GET", "/metrics", "/metrics", null, Everyone),
            new("OPTIONS", "/uploads", "/uploads", null, Everyone),
            new("POST", "/uploads", "/uploads", null, CaseWork),
            new("HEAD", "/uploads/{id}", $"/uploads/{new string('a', 32)}", null, CaseWork),
            new("PATCH", "/uploads/{id}", $"/uploads/{new string('a', 32)}", null, CaseWork),
            new("DELETE", "/uploads/{id}", $"/uploads/{new string('a', 32)}", null, CaseWork),
            new("GET", "/inspections/tasks", "/inspections/tasks", null, R + D),
            new("POST", "/inspections/tasks", "/inspections/tasks", new { matter = "矩阵", targets = 1, seedSource = "福彩3D 2026-12-10", seedDue = "2099-01-01T21:30:00+08:00" }, R + D),
            new("GET", "/inspections/tasks/{id}", "/inspections/tasks/IT-999", null, R + D),
            new("POST", "/inspections/tasks/{id}/reveal", "/inspections/tasks/IT-999/reveal", new { seed = "583" }, R + D),
            new("POST", "/inspections/tasks/{id}/recusals", "/inspections/tasks/IT-999/recusals", new { target = "T1", inspector = "33020012341", reason = "matrix" }, R + D),
            new("POST", "/inspections/tasks/{id}/outcomes", "/inspections/tasks/IT-999/outcomes", new { target = "T1", result = "NoProblem", handling = "无", date = "2026-03-02" }, R + D),
            new("POST", "/inspections/tasks/{id}/publish", "/inspections/tasks/IT-999/publish", null, R + D),
            new("GET", "/inspections/pools/{kind}", "/inspections/pools/targets", null, R + D),
            new("POST", "/inspections/pools/{kind}", "/inspections/pools/targets", null, R + D),

            // Redacted copies: made from the original's bytes (the owner; a photo has none, so 400), listed with the
            // recording's entry, and a made-up copy is 404 for everyone before any bytes are at stake.
            new("POST", "/recordings/{id}/redactions", $"/recordings/{id}/redactions", new { version = 1, mutes = new[] { new { from = 0, to = 1 } } }, O),
            new("GET", "/recordings/{id}/redactions", $"/recordings/{id}/redactions", null, O + A + D),
            new("GET", "/recordings/{id}/redactions/{copy}", $"/recordings/{id}/redactions/RD-999", null, Everyone),

            // Publications (公示): drafted in case work, approved and withdrawn by the review office or the archive.
            new("GET", "/disclosure/publications", "/disclosure/publications", null, Publishing),
            new("POST", "/disclosure/publications", "/disclosure/publications", new { @case = Case, documentNumber = "京执罚〔2026〕11号", agency = "某某局", facts = "matrix", basis = "matrix" }, CaseWork),
            new("POST", "/disclosure/publications/{id:long}/redact", "/disclosure/publications/999/redact", new { texts = new[] { "matrix" } }, Publishing),
            new("POST", "/disclosure/publications/{id:long}/approve", "/disclosure/publications/999/approve", null, Publishing),
            new("POST", "/disclosure/publications/{id:long}/withdraw", "/disclosure/publications/999/withdraw", new { kind = "revoked", reason = "matrix" }, Publishing),

            // Draws and spot checks: supervision (the review office) and administrators.
            new("GET", "/draws", "/draws", null, R + D),
            new("POST", "/draws", "/draws", new { title = "matrix", candidates = new[] { new { id = "a" }, new { id = "b" } }, seedSource = "福彩3D matrix", quota = new[] { "1" }, seedDueAt = SeedDue }, R + D),
            new("GET", "/draws/{id}", "/draws/D-999", null, R + D),
            new("POST", "/draws/{id}/reveal", "/draws/D-999/reveal", new { seed = "583" }, R + D),
            new("GET", "/draws/{id}/verify", "/draws/D-999/verify", null, R + D),
            new("POST", "/spot-checks", "/spot-checks", new { title = "matrix", from = Today, until = Today, perStratum = 1, seedSource = "福彩3D matrix", seedDueAt = SeedDue }, R + D),
            new("POST", "/spot-checks/{id}/reveal", "/spot-checks/D-999/reveal", new { seed = "583" }, R + D),
            new("POST", "/spot-checks/{id}/reviews", "/spot-checks/D-999/reviews", new { recording = id, findings = new[] { new { item = "identity shown", met = true } } }, R + D),
            new("GET", "/spot-checks/{id}/statistics", "/spot-checks/D-999/statistics", null, R + D),
        ];
    }

    [Fact]
    public void Matrix_NamesEveryMappedEndpoint()
    {
        var mapped = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText)}"))
            .ToHashSet(StringComparer.Ordinal);
        var named = Rows().Select(r => $"{r.Method} {r.Pattern}").Concat(Anonymous).Concat(WebApp).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(mapped.Except(named).Order(StringComparer.Ordinal));
        Assert.Empty(named.Except(mapped).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryEndpoint_EveryRoleAndAnonymous_AnswersAsTheMatrixSays()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = _host.Anonymous };
        foreach (var role in Enum.GetValues<Role>())
        {
            clients[Name(role)] = await _host.ClientForAsync(role);
        }

        var mismatches = new List<string>();
        foreach (var row in Rows())
        {
            foreach (var (who, client) in clients)
            {
                // Sign-out would end the session the rest of the walk needs: sign in afresh for it.
                var caller = row.Pattern == "/auth/sign-out" && who != "anonymous" ? await _host.ClientForAsync(Enum.Parse<Role>(who, ignoreCase: true)) : client;
                using var response = await caller.SendAsync(Request(row));
                var status = (int)response.StatusCode;
                var ok = who == "anonymous" ? status == 401 : row.Allowed.Contains(who, StringComparison.Ordinal) ? status is not (401 or 403) : status == 403;
                if (!ok)
                {
                    mismatches.Add($"{row.Method} {row.Path} as {who}: {status} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task Original_Reviewer_OnlyUnderAnActiveGrant()
    {
        var reviewer = await _host.ClientForAsync(Role.Reviewer);
        var grant = await _host.GrantAsync(Role.Reviewer, null, _host.RecordingId);

        using var without = await reviewer.GetAsync($"/recordings/{_host.RecordingId}/original");
        using var under = await reviewer.GetAsync($"/recordings/{_host.RecordingId}/original?grant={grant}");
        var bytes = await under.Content.ReadAsByteArrayAsync();
        using var revoked = await (await _host.ClientForAsync(Role.Administrator)).PostAsJsonAsync($"/retrievals/{grant}/revoke", new { reason = "审查结束" });
        using var after = await reviewer.GetAsync($"/recordings/{_host.RecordingId}/original?grant={grant}");

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        Assert.Equal(_host.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == "access.denied" && e.Actor == "reviewer");
    }

    private static HttpRequestMessage Request(Row row)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        if (row.Pattern == "/uploads" && row.Method == "POST")
        {
            request.Headers.Add("Upload-Length", "10");
            request.Headers.Add("Upload-Metadata", $"filename {Base64("clip.mp4")},sha256 {Base64(new string('0', 64))}");
        }
        else if (row.Method == "PATCH")
        {
            request.Content = new ByteArrayContent(new byte[10]);
            request.Content.Headers.ContentType = new("application/offset+octet-stream");
            request.Headers.Add("Upload-Offset", "0");
        }
        else if (row.Body is not null)
        {
            request.Content = JsonContent.Create(row.Body, row.Body.GetType());
        }

        return request;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Name(Role role) => role.ToString().ToLowerInvariant();

    private static string Normalize(string? pattern) => pattern is null or "" ? "/" : pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;

    private sealed record Row(string Method, string Pattern, string Path, object? Body, string Allowed);
}
