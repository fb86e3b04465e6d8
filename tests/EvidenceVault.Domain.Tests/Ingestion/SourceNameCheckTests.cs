using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Domain.Tests.Ingestion;

public sealed class SourceNameCheckTests
{
    [Fact]
    public void Check_NameWithNewline_ReportsUnsafeName() =>
        Assert.Equal(ReasonCodes.UnsafeName, Assert.Single(SourceNameCheck.Check("a\nb.mp4")).Code);

    [Fact]
    public void Check_VeryLongPath_ReportsNameTooLong() =>
        Assert.Equal(ReasonCodes.NameTooLong, Assert.Single(SourceNameCheck.Check(new string('长', 1100) + ".mp4")).Code);

    [Theory]
    [InlineData("-rf --help.mp4")]
    [InlineData("执法 记录 2025.mp4")]
    public void Check_LeadingDashAndSpaces_AreFine(string name) => Assert.Empty(SourceNameCheck.Check(name));
}
