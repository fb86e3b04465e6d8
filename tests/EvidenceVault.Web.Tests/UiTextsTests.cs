using System.Text.RegularExpressions;

namespace EvidenceVault.Web.Tests;

public sealed partial class UiTextsTests
{
    public static TheoryData<string> KeysUsedByThePages()
    {
        // A key used on several pages is one case: xunit would otherwise drop the repeats with a warning.
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "razor"), "*.razor", SearchOption.AllDirectories))
        {
            foreach (Match key in Key().Matches(File.ReadAllText(file)))
            {
                keys.Add(key.Groups["key"].Value);
            }
        }

        return new TheoryData<string>(keys);
    }

    [Theory]
    [MemberData(nameof(KeysUsedByThePages))]
    public void Key_UsedByAPage_HasChineseAndEnglishWords(string key)
    {
        Assert.True(UiTexts.All.TryGetValue(key, out var text), $"No words for {key}.");
        Assert.False(string.IsNullOrWhiteSpace(text.Zh));
        Assert.False(string.IsNullOrWhiteSpace(text.En));
        Assert.NotEqual(text.En, text.Zh);
    }

    [Theory]
    [InlineData("stage.", typeof(Domain.Cases.ProcedureStage))]
    [InlineData("kind.", typeof(Domain.Recordings.RecordingKind))]
    [InlineData("case-type.", typeof(Domain.Cases.EnforcementType))]
    [InlineData("case-status.", typeof(Domain.Cases.CaseStatus))]
    [InlineData("retrieval-status.", typeof(Domain.Access.RetrievalStatus))]
    [InlineData("origin.", typeof(Application.Cases.LinkOrigin))]
    [InlineData("retention-state.", typeof(Domain.Retention.RetentionState))]
    [InlineData("deletion-status.", typeof(Domain.Retention.DeletionStatus))]
    [InlineData("hold-scope.", typeof(Application.Retention.HoldScope))]
    [InlineData("disclosure.", typeof(Domain.Cases.DisclosureStep))]
    [InlineData("role.", typeof(Domain.Access.Role))]
    public void Key_ForEveryValueOfAnEnumThePagesName_Exists(string prefix, Type values)
    {
        foreach (var name in Enum.GetNames(values))
        {
            Assert.True(UiTexts.All.ContainsKey(prefix + name), $"No words for {prefix}{name}.");
        }
    }

    [GeneratedRegex("Ui(?:\\[|\\.Format\\()\"(?<key>[a-z0-9.-]+)\"")]
    private static partial Regex Key();
}
