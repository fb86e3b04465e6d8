using System.Net.Http.Json;
using System.Text.Json;

namespace EvidenceVault.Api.Tests;

public sealed class OpenApiDocumentTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("/recordings/{id}/original", "get")]
    [InlineData("/cases/{number}/timeline", "get")]
    [InlineData("/cases/{number}/activities/{activityId}", "put")]
    [InlineData("/retention/proposals/{id}/approve", "post")]
    [InlineData("/retrievals", "post")]
    [InlineData("/audit/verify", "get")]
    public async Task OpenApiDocument_ListsEveryFrontDoorOperation(string path, string method)
    {
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal("EvidenceVault", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").GetProperty(path).TryGetProperty(method, out _), $"{method} {path} is missing from the OpenAPI document");
    }

    [Fact]
    public async Task OpenApiDocument_ListsNoneOfTheBrowsersPaths()
    {
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/recordings", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/evidence", StringComparison.Ordinal) || p.StartsWith("/browser-uploads", StringComparison.Ordinal)
            || p.StartsWith("/case-files", StringComparison.Ordinal) || p.StartsWith("/assets", StringComparison.Ordinal) || p is "/sign-out" or "/language" or "/session/keep-alive");
    }

    [Theory]
    [InlineData("/recordings", "get", "recordings[].sha256")]
    [InlineData("/recordings/{id}", "get", "media.playable")]
    [InlineData("/cases", "get", "cases[].number")]
    [InlineData("/cases/{number}", "get", "case.party")]
    [InlineData("/cases/{number}/timeline", "get", "stages[].records[].recordingId")]
    [InlineData("/retrievals", "get", "retrievals[].requester")]
    [InlineData("/retrievals/{id}", "get", "decision.by")]
    [InlineData("/retrievals/{id}/recordings", "get", "recordings[].officerId")]
    [InlineData("/retention/plan", "get", "plan[].retention.expiresAt")]
    [InlineData("/holds", "get", "holds[].authority")]
    [InlineData("/audit/custody", "get", "entries[].hash")]
    [InlineData("/deadlines", "get", "deadlines[].due")]
    [InlineData("/auth/notice", "get", "notice")]
    [InlineData("/inspections/tasks", "get", "tasks[].matter")]
    [InlineData("/inspections/tasks/{id}", "get", "problems")]
    [InlineData("/inspections/pools/{kind}", "get", "pool.sha256")]
    public async Task OpenApiDocument_DescribesTheOkBodyOfEachListAndShowOperation(string path, string method, string property)
    {
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out var ok), $"{method} {path} has no 200 response");
        Assert.True(ok.TryGetProperty("content", out var content), $"{method} {path} has no body in its 200 response");
        var schema = content.GetProperty("application/json").GetProperty("schema");
        foreach (var segment in property.Split('.'))
        {
            var name = segment.TrimEnd('[', ']');
            Assert.True(Resolve(document, schema).TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out schema), $"{method} {path}: no '{name}' on the way to {property}");
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                schema = Resolve(document, schema).GetProperty("items");
            }
        }
    }

    /// <summary>Follows <c>$ref</c> into the components, and through the <c>oneOf</c> a nullable object becomes.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            return Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options)
                && options.EnumerateArray().FirstOrDefault(o => o.TryGetProperty("$ref", out _) || o.TryGetProperty("properties", out _)) is { ValueKind: JsonValueKind.Object } option)
            {
                return Resolve(document, option);
            }
        }

        return schema;
    }
}
