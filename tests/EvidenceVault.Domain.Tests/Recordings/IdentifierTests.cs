using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Tests.Recordings;

public sealed class IdentifierTests
{
    public static TheoryData<string, string> TypesAndHiddenCharacters()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in new[] { "case number", "user name", "officer id", "device id", "station name" })
        {
            // Zero-width space, right-to-left override, left-to-right isolate, byte order mark.
            foreach (var hidden in new[] { "\u200B", "\u202E", "\u2066", "\uFEFF" })
            {
                data.Add(type, hidden);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesAndHiddenCharacters))]
    public void Parse_FormatCharacter_IsRefusedNamingTheCodePoint(string type, string hidden)
    {
        var error = Assert.Throws<FormatException>(() => Parse(type, "C2026" + hidden + "-001"));

        Assert.Contains($"U+{(int)hidden[0]:X4}", error.Message, StringComparison.Ordinal);
        Assert.Contains("format character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("case number")]
    [InlineData("user name")]
    [InlineData("officer id")]
    [InlineData("device id")]
    [InlineData("station name")]
    public void Parse_NfdAndNfcForms_AreEqual(string type) =>
        Assert.Equal(Parse(type, "Jos\u00E9-12"), Parse(type, "Jose\u0301-12"));

    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0x0378)]
    [InlineData(0x2028)]
    public void OfficerIdParse_UnpairedSurrogateOrUnassigned_Throws(int codePoint) =>
        // Built here: xUnit would turn a lone surrogate in InlineData into U+FFFD.
        Assert.Throws<FormatException>(() => OfficerId.Parse("ab" + (char)codePoint + "cd"));

    [Fact]
    public void OfficerIdParse_AstralCharacter_IsKept() =>
        Assert.Equal("警\U00020BB7-7", OfficerId.Parse(" 警\U00020BB7-7 ").Value);

    private static string Parse(string type, string value) => type switch
    {
        "case number" => CaseNumber.Parse(value).Value,
        "user name" => UserName.Parse(value).Value,
        "officer id" => OfficerId.Parse(value).Value,
        "device id" => DeviceId.Parse(value).Value,
        "station name" => StationName.Parse(value).Value,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no such identifier type"),
    };
}
