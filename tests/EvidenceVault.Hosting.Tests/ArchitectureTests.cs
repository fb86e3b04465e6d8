using System.Reflection;

namespace EvidenceVault.Hosting.Tests;

/// <summary>One row per forbidden dependency edge: the layering holds in the compiled assemblies.</summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string> ForbiddenEdges() => new()
    {
        { "EvidenceVault.Domain", "EvidenceVault.Application" },
        { "EvidenceVault.Domain", "Mediator.Abstractions" },
        { "EvidenceVault.Domain", "BouncyCastle.Cryptography" },
        { "EvidenceVault.Domain", "Microsoft.Extensions.Logging.Abstractions" },
        { "EvidenceVault.Application", "EvidenceVault.Media.FFmpeg" },
        { "EvidenceVault.Application", "EvidenceVault.Storage" },
        { "EvidenceVault.Application", "EvidenceVault.Storage.Azure" },
        { "EvidenceVault.Application", "EvidenceVault.Devices" },
        { "EvidenceVault.Application", "EvidenceVault.Hosting" },
        { "EvidenceVault.Application", "FFMpegCore" },
        { "EvidenceVault.Application", "Azure.Storage.Blobs" },
        { "EvidenceVault.Application", "Microsoft.Data.Sqlite" },
        { "EvidenceVault.Application", "Npgsql" },
        { "EvidenceVault.Application", "Polly.Core" },
        { "EvidenceVault.Media.FFmpeg", "EvidenceVault.Storage" },
        { "EvidenceVault.Media.FFmpeg", "EvidenceVault.Storage.Azure" },
        { "EvidenceVault.Media.FFmpeg", "EvidenceVault.Devices" },
        { "EvidenceVault.Storage", "EvidenceVault.Media.FFmpeg" },
        { "EvidenceVault.Storage", "EvidenceVault.Storage.Azure" },
        { "EvidenceVault.Storage", "Azure.Storage.Blobs" },
        { "EvidenceVault.Storage", "FFMpegCore" },
        { "EvidenceVault.Storage.Azure", "EvidenceVault.Storage" },
        { "EvidenceVault.Storage.Azure", "Microsoft.Data.Sqlite" },
        { "EvidenceVault.Storage.Azure", "Npgsql" },
        { "EvidenceVault.Storage.Azure", "FFMpegCore" },
        { "EvidenceVault.Devices", "EvidenceVault.Storage" },
        { "EvidenceVault.Devices", "FFMpegCore" },
        { "EvidenceVault.Devices", "Microsoft.Data.Sqlite" },
        { "EvidenceVault.Devices", "Npgsql" },
        { "evidencevault", "EvidenceVault.Storage" },
        { "evidencevault", "EvidenceVault.Storage.Azure" },
        { "evidencevault", "EvidenceVault.Devices" },
        { "evidencevault", "EvidenceVault.Media.FFmpeg" },
        { "evidencevault", "FFMpegCore" },
        { "evidencevault", "Azure.Storage.Blobs" },
        { "evidencevault", "Microsoft.Data.Sqlite" },
        { "evidencevault", "Npgsql" },
        { "EvidenceVault.Domain", "EvidenceVault.Api" },
        { "EvidenceVault.Application", "EvidenceVault.Api" },
        { "EvidenceVault.Storage", "EvidenceVault.Api" },
        { "EvidenceVault.Hosting", "EvidenceVault.Api" },
        { "EvidenceVault.Api", "EvidenceVault.Storage" },
        { "EvidenceVault.Api", "EvidenceVault.Storage.Azure" },
        { "EvidenceVault.Api", "Azure.Storage.Blobs" },
        { "EvidenceVault.Api", "Microsoft.Data.Sqlite" },
        { "EvidenceVault.Api", "Npgsql" },
        { "EvidenceVault.Hosting", "Npgsql" },
        { "EvidenceVault.Api", "FFMpegCore" },

        // Metrics are recorded with the BCL's System.Diagnostics.Metrics; only the API host exports them.
        { "EvidenceVault.Application", "OpenTelemetry" },
        { "EvidenceVault.Hosting", "OpenTelemetry" },
        { "EvidenceVault.Application", "Microsoft.Extensions.Hosting.Abstractions" },

        // The web app is a front door over the use cases: no adapters, and not the API or the composition root.
        { "EvidenceVault.Web", "EvidenceVault.Storage" },
        { "EvidenceVault.Web", "EvidenceVault.Storage.Azure" },
        { "EvidenceVault.Web", "EvidenceVault.Media.FFmpeg" },
        { "EvidenceVault.Web", "EvidenceVault.Devices" },
        { "EvidenceVault.Web", "EvidenceVault.Hosting" },
        { "EvidenceVault.Web", "EvidenceVault.Api" },
        { "EvidenceVault.Web", "Microsoft.Data.Sqlite" },
        { "EvidenceVault.Web", "Npgsql" },
        { "EvidenceVault.Web", "FFMpegCore" },
        { "EvidenceVault.Application", "EvidenceVault.Web" },

        // The public site reads the published projection through one Application port: no adapter, no composition
        // root, no other front door, and no mediator (it cannot send a single use case).
        { "EvidenceVault.Public", "EvidenceVault.Storage" },
        { "EvidenceVault.Public", "EvidenceVault.Storage.Azure" },
        { "EvidenceVault.Public", "EvidenceVault.Media.FFmpeg" },
        { "EvidenceVault.Public", "EvidenceVault.Devices" },
        { "EvidenceVault.Public", "EvidenceVault.Hosting" },
        { "EvidenceVault.Public", "EvidenceVault.Api" },
        { "EvidenceVault.Public", "EvidenceVault.Web" },
        { "EvidenceVault.Public", "Mediator.Abstractions" },
        { "EvidenceVault.Public", "Microsoft.Data.Sqlite" },
        { "EvidenceVault.Public", "Npgsql" },
        { "EvidenceVault.Application", "EvidenceVault.Public" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenEdges))]
    public void Assembly_DoesNotReference_ForbiddenDependency(string assembly, string forbidden)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(forbidden, references);
    }

    [Theory]
    [InlineData("EvidenceVault.Application", "EvidenceVault.Domain")]
    [InlineData("EvidenceVault.Storage", "EvidenceVault.Application")]
    [InlineData("EvidenceVault.Hosting", "EvidenceVault.Storage")]
    [InlineData("evidencevault", "EvidenceVault.Hosting")]
    [InlineData("evidencevault", "EvidenceVault.Api")]
    [InlineData("EvidenceVault.Api", "EvidenceVault.Hosting")]
    [InlineData("EvidenceVault.Api", "EvidenceVault.Web")]
    [InlineData("EvidenceVault.Web", "EvidenceVault.Application")]
    [InlineData("EvidenceVault.Public", "EvidenceVault.Application")]
    [InlineData("evidencevault", "EvidenceVault.Public")]
    public void Assembly_References_ExpectedLayer(string assembly, string expected) =>
        Assert.Contains(expected, Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name));

    [Theory]
    [InlineData("EvidenceVault.Media.FFmpeg", "FFMpegCore")]
    [InlineData("EvidenceVault.Storage.Azure", "Azure.")]
    [InlineData("EvidenceVault.Storage.Azure", "Polly")]
    [InlineData("EvidenceVault.Storage", "Microsoft.Data.Sqlite")]
    [InlineData("EvidenceVault.Storage", "Npgsql")]
    public void AdapterPublicSurface_DoesNotLeak_TechnologyTypes(string assembly, string technologyPrefix)
    {
        var leaks = Assembly.Load(assembly).GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(Signature)
            .Where(t => t.Namespace?.StartsWith(technologyPrefix, StringComparison.Ordinal) == true || (t.Assembly.GetName().Name?.StartsWith(technologyPrefix, StringComparison.Ordinal) ?? false))
            .Select(t => t.FullName)
            .Distinct();

        Assert.Empty(leaks);
    }

    private static IEnumerable<Type> Signature(MemberInfo member) => member switch
    {
        MethodInfo m => [m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType)],
        PropertyInfo p => [p.PropertyType],
        FieldInfo f => [f.FieldType],
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        _ => [],
    };
}
