using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Recordings;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting.Tests;

public sealed class CompositionTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("ev-hosting-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task AddEvidenceVault_LocalDefaults_ResolvesEveryUseCase()
    {
        await using var services = new ServiceCollection().AddEvidenceVault(Settings()).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var mediator = services.GetRequiredService<IMediator>();

        var list = await mediator.Send(new ListRecordingsQuery(new Application.Catalog.RecordingFilter()));
        var process = await mediator.Send(new ProcessMediaCommand());
        var verify = await mediator.Send(new VerifyVaultCommand());

        Assert.Empty(list);
        Assert.Equal(0, process.Done);
        Assert.True(verify.AllIntact);
        Assert.NotNull(services.GetRequiredService<FileIngestor>());
        await Assert.ThrowsAsync<RecordingNotFoundException>(async () => await mediator.Send(new ShowRecordingQuery(RecordingId.Parse(new string('a', 20)))));
    }

    [Fact]
    public void AddEvidenceVault_AzureUploadsSection_SetsTheStoresTimings()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ev-azure-uploads-").FullName, "evidencevault.json");
        File.WriteAllText(file, """{ "AzureUploads": { "BreakDuration": "00:00:05", "MaxRetries": 1 } }""");
        var configuration = ServiceConfiguration.Load(file);
        var settings = Settings() with { UploadStoreUri = "azure://uploads", AzureConnectionString = "UseDevelopmentStorage=true", Configuration = configuration };
        using var services = new ServiceCollection().AddEvidenceVault(settings).BuildServiceProvider();

        var options = services.GetRequiredService<Storage.Azure.Uploads.AzureUploadStoreOptions>();
        Assert.Equal((TimeSpan.FromSeconds(5), 1, "uploads"), (options.BreakDuration, options.MaxRetries, options.Container));
    }

    [Theory]
    [InlineData("s3://bucket")]
    [InlineData("azure://")]
    [InlineData("not a uri")]
    public void AddEvidenceVault_UnknownVault_ThrowsClearConfigurationError(string vault)
    {
        var ex = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddEvidenceVault(Settings() with { VaultUri = vault }));

        Assert.Contains("azure://<container>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEvidenceVault_AzureWithoutConnection_NamesTheVariable()
    {
        var ex = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddEvidenceVault(Settings() with { VaultUri = "azure://evidence" }));

        Assert.Contains("EVIDENCEVAULT_AZURE_CONNECTION", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEvidenceVault_AzureUploadStore_ResolvesTheBlobStore()
    {
        var settings = Settings() with { UploadStoreUri = "azure://uploads", AzureConnectionString = "UseDevelopmentStorage=true" };
        using var services = new ServiceCollection().AddEvidenceVault(settings).BuildServiceProvider();

        Assert.IsType<Storage.Azure.Uploads.AzureUploadStore>(services.GetRequiredService<Application.Uploads.IUploadStore>());
    }

    [Theory]
    [InlineData("s3://bucket")]
    [InlineData("azure://")]
    public void AddEvidenceVault_UnknownUploadStore_ThrowsClearConfigurationError(string uploads)
    {
        var ex = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddEvidenceVault(Settings() with { UploadStoreUri = uploads, AzureConnectionString = "UseDevelopmentStorage=true" }));

        Assert.Contains("azure://<container>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEvidenceVault_UnknownZone_ThrowsClearConfigurationError() =>
        Assert.Contains("Mars/Olympus", Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddEvidenceVault(Settings() with { LocalTimeZone = "Mars/Olympus" })).Message, StringComparison.Ordinal);

    [Fact]
    public void RecorderProfilesLoad_BadRegex_ThrowsClearConfigurationError()
    {
        var file = Path.Combine(_data, "profiles.json");
        File.WriteAllText(file, """[{"name":"broken","filePattern":"(unclosed","clock":"Utc"}]""");

        Assert.Contains("profiles.json", Assert.Throws<ConfigurationException>(() => RecorderProfiles.Load(file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecorderProfilesLoad_ValidFile_PutsCustomProfilesFirst()
    {
        var file = Path.Combine(_data, "profiles.json");
        File.WriteAllText(file, """[{"name":"station-x","filePattern":"^(?<officer>\\d{6})-(?<time>\\d{14})\\.mp4$","clock":"Local"}]""");

        var profiles = RecorderProfiles.Load(file);

        Assert.Equal(["station-x", "gat947", "axis"], profiles.Select(p => p.Name));
    }

    [Fact]
    public void HolidayCalendarsLoad_SampleFile_AddsItsYearToTheBuiltInOnes()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "calendar-2027.example.json");

        var calendar = HolidayCalendars.Load(sample);

        Assert.Equal([2025, 2026, 2027], calendar.Years.Order());
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 1)));
    }

    [Fact]
    public void AddEvidenceVault_UnreadableCalendar_ThrowsClearConfigurationError()
    {
        var file = Path.Combine(_data, "calendar.json");
        File.WriteAllText(file, "{\"years\":{\"2027\":{\"holidays\":[\"not a date\"],\"workdays\":[]}}}");

        Assert.Contains("calendar.json", Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddEvidenceVault(Settings() with { CalendarFile = file })).Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EvidenceVault.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (EvidenceVault.sln) is not above the test binaries.");
    }

    private EvidenceVaultSettings Settings() => new() { DataDirectory = _data, Actor = "tester" };
}
