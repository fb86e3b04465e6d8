using Bunit;
using EvidenceVault.Application;
using EvidenceVault.Web.Components;

namespace EvidenceVault.Web.Tests.Components;

public sealed class ProblemTests : ComponentContext
{
    [Fact]
    public void Render_WithARefusal_AnnouncesItsReasonCodeAndMessage()
    {
        var problem = Render<Problem>(p => p
            .Add(c => c.Code, new ErrorCode("access-denied", ErrorKind.Denied))
            .Add(c => c.Message, "Recording 6b52 is not yours."));

        var alert = problem.Find("[role=alert]");
        Assert.Equal("access-denied", alert.GetAttribute("data-code"));
        Assert.Contains("Recording 6b52 is not yours.", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("未能完成", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutAMessage_RendersNothing()
    {
        var problem = Render<Problem>(p => p.Add(c => c.Code, new ErrorCode("access-denied", ErrorKind.Denied)));

        Assert.Empty(problem.Markup.Trim());
    }
}
