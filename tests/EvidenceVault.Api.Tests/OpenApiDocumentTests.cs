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
}
