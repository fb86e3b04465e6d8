using EvidenceVault.Media.FFmpeg;
using EvidenceVault.Storage.Azure;

namespace EvidenceVault.Hosting.Tests;

public sealed class ServiceConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ev-config-").FullName;

    [Fact]
    public void Apply_SettingsFileWithLimits_TakesThemAndOverridesWin()
    {
        var file = Write("""{ "Uploads": { "MaxBytes": 1048576, "MaxConcurrentTransfers": 4 }, "Api": { "SignInsPerMinute": 7 } }""");

        var configuration = ServiceConfiguration.Load(file, [new("Uploads:MaxConcurrentTransfers", "2")]);
        var settings = ServiceConfiguration.Apply(Defaults(), configuration);

        Assert.Equal(1048576, settings.Uploads.MaxBytes);
        Assert.Equal(2, settings.Uploads.MaxConcurrentTransfers);
        Assert.Equal(7, settings.Api.SignInsPerMinute);
        Assert.Equal(new Application.Retrieval.RetrievalLimits(), settings.Retrieval);
    }

    [Fact]
    public void Load_EnvironmentVariable_OverridesTheFile()
    {
        var file = Write("""{ "Retrieval": { "MaxDays": 30 } }""");
        Environment.SetEnvironmentVariable("EVIDENCEVAULT__RETRIEVAL__MAXDAYS", "45");
        try
        {
            var settings = ServiceConfiguration.Apply(Defaults(), ServiceConfiguration.Load(file));

            Assert.Equal(45, settings.Retrieval.MaxDays);
        }
        finally
        {
            Environment.SetEnvironmentVariable("EVIDENCEVAULT__RETRIEVAL__MAXDAYS", null);
        }
    }

    [Fact]
    public void Apply_KeyThatNamesNoSetting_StopsTheStartNamingSectionAndKey()
    {
        var configuration = ServiceConfiguration.Load(Write("""{ "Uploads": { "MaxByte": 5 } }"""));

        var error = Assert.Throws<ConfigurationException>(() => ServiceConfiguration.Apply(Defaults(), configuration));

        Assert.Contains("'Uploads'", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxByte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_TimeoutsOfFfmpegAndAzure_AreTakenAndAWrongShapeIsRefused()
    {
        var configuration = ServiceConfiguration.Load(Write("""{ "Ffmpeg": { "ProbeTimeout": "00:00:05" }, "Azure": { "MaxRetries": 9 } }"""));

        Assert.Equal(TimeSpan.FromSeconds(5), ServiceConfiguration.Bind(configuration, "Ffmpeg", new FfmpegOptions()).ProbeTimeout);
        Assert.Equal(9, ServiceConfiguration.Bind(configuration, "Azure", new AzureVaultOptions { ConnectionString = "UseDevelopmentStorage=true" }).MaxRetries);
        var wrong = ServiceConfiguration.Load(Write("""{ "Ffmpeg": { "ProbeTimeout": "soon" } }"""));
        Assert.Throws<ConfigurationException>(() => ServiceConfiguration.Bind(wrong, "Ffmpeg", new FfmpegOptions()));
    }

    [Fact]
    public void Load_NamedFileThatIsMissing_IsAConfigurationError()
    {
        var error = Assert.Throws<ConfigurationException>(() => ServiceConfiguration.Load(Path.Combine(_folder, "missing.json")));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static EvidenceVaultSettings Defaults() => new() { DataDirectory = "/tmp/unused", Actor = "test" };

    private string Write(string json)
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        return file;
    }
}
