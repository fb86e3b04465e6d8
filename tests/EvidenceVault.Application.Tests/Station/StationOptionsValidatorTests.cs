using EvidenceVault.Application.Station;

namespace EvidenceVault.Application.Tests.Station;

public sealed class StationOptionsValidatorTests
{
    private readonly StationOptionsValidator _validator = new();

    [Fact]
    public void Validate_MountRootThatExists_Succeeds()
    {
        var result = _validator.Validate(null, new StationOptions { MountRoot = Path.GetTempPath() });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NothingToWatch_FailsNamingTheSettings()
    {
        var result = _validator.Validate(null, new StationOptions());

        Assert.True(result.Failed);
        Assert.Contains("MountRoot, WatchedFolders or Mtp", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, "Bays must be 1 to 64")]
    [InlineData(65, 0, "Bays must be 1 to 64")]
    [InlineData(4, 5, "PerHubLimit must be 0")]
    public void Validate_LimitsOutOfRange_FailsWithTheLimit(int bays, int perHub, string expected)
    {
        var result = _validator.Validate(null, new StationOptions { MountRoot = Path.GetTempPath(), Bays = bays, PerHubLimit = perHub });

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFoldersAndAClockFileOutsideTheRecorder_ListsEveryProblem()
    {
        var result = _validator.Validate(null, new StationOptions
        {
            MountRoot = "/nonexistent/mount-root",
            WatchedFolders = ["/nonexistent/share"],
            ClockFile = "../etc/passwd",
            Urls = ["not a url"],
        });

        Assert.Equal(4, result.Failures!.Count());
    }

    [Fact]
    public void WipesModel_ModelPolicyOverridesTheDefault()
    {
        var options = new StationOptions { WipeByDefault = true, WipeByModel = { ["DSJ-V9"] = false } };

        Assert.False(options.WipesModel("DSJ-V9"));
        Assert.True(options.WipesModel("DSJ-X1"));
        Assert.True(options.WipesModel(null));
    }
}
