using System.Net;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Testing.Inspections;
using EvidenceVault.Testing.PriorDisclosure;

namespace EvidenceVault.Public.Tests;

/// <summary>
/// Two 双随机 tasks taken through the real use cases over one data folder: IT-1 published, IT-2 revealed with its
/// outcomes recorded but not published; and the public site over the same folder.
/// </summary>
public sealed class InspectionSiteHost() : SiteHost("ev-public-inspect-")
{
    public PublishedInspection Published { get; private set; } = null!;

    public InspectionTask Unpublished { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        var mediator = Mediator("sup");
        await mediator.Send(new EditPriorDisclosureCommand(PriorDisclosureSamples.Set()));
        await mediator.Send(new PublishPriorDisclosureCommand());
        await mediator.Send(new ImportInspectionPoolCommand(InspectionPoolKind.Targets, InspectionSamples.Targets));
        await mediator.Send(new ImportInspectionPoolCommand(InspectionPoolKind.Inspectors, InspectionSamples.Inspectors));
        var seed = SeedSource.Parse("福彩3D 2025-03-05");
        var first = await mediator.Send(new CreateInspectionTaskCommand(InspectionSamples.Matter, new PoolFilter(null, "鼓楼区"), 2, 2, seed, Time.GetUtcNow().AddDays(1)));
        var second = await mediator.Send(new CreateInspectionTaskCommand(InspectionSamples.Matter, new PoolFilter(null, null), 1, 2, seed, Time.GetUtcNow().AddDays(1)));
        Time.Advance(TimeSpan.FromDays(1));
        foreach (var task in new[] { first, second })
        {
            var revealed = await mediator.Send(new RevealInspectionTaskCommand(task.Id, DrawSeed.Parse("583")));
            foreach (var a in revealed.Assignment!)
            {
                await mediator.Send(new RecordInspectionOutcomeCommand(task.Id, a.Target, InspectionResult.NoProblem, "无", new DateOnly(2025, 3, 5)));
            }
        }

        Published = await mediator.Send(new PublishInspectionResultsCommand(first.Id));
        Unpublished = (await mediator.Send(new ShowInspectionTaskQuery(second.Id))).Task;
    }
}

public sealed class InspectionSiteTests(InspectionSiteHost host) : IClassFixture<InspectionSiteHost>
{
    [Fact]
    public async Task List_PublishedAndUnpublishedTasks_OnlyThePublishedOneWithItsTargetsInspectorsAndResults()
    {
        var html = await host.Client.GetStringAsync("/inspections");

        Assert.Contains("/inspections/IT-1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("IT-2", html, StringComparison.Ordinal);
        Assert.Contains(InspectionSamples.Matter, html, StringComparison.Ordinal);
        Assert.All(host.Published.Targets, t => Assert.Contains(t.Name, html, StringComparison.Ordinal));
        Assert.Contains("未发现问题", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/inspections/IT-2")]
    [InlineData("/inspections/2")]
    [InlineData("/inspections/IT-99")]
    [InlineData("/inspections/%3Cscript%3E")]
    public async Task Detail_UnpublishedUnknownOrMalformedTask_NotFound(string path)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(host.Unpublished.Assignment![0].Target, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_PublishedTask_CarriesWhatAnOutsiderNeedsAndTheDrawRepeatsFromIt()
    {
        var html = await host.Client.GetStringAsync("/inspections/IT-1");
        var terms = host.Published.TargetDraw;
        var inspectorTerms = host.Published.InspectorDraw;

        // Repeat both draws and the assignment from the published values alone, as an outsider would.
        var targets = DrawAlgorithm.Run(CandidateList.Parse(terms.Candidates), DrawSeed.Parse(terms.Seed), DrawQuota.Parse(terms.Quota));
        var inspectors = DrawAlgorithm.Run(CandidateList.Parse(inspectorTerms.Candidates), DrawSeed.Parse(inspectorTerms.Seed), DrawQuota.Parse(inspectorTerms.Quota));
        var assignment = InspectionAssignment.Assign(targets, inspectors, host.Published.PerTarget, []);

        Assert.Equal(terms.ListSha256, CandidateList.Parse(terms.Candidates).Hash.ToString());
        Assert.Equal(terms.Commitment, new DrawTerms(CandidateListHash.Parse(terms.ListSha256), SeedSource.Parse(terms.SeedSource), DrawQuota.Parse(terms.Quota)).Commitment.ToString());
        Assert.Equal(InspectionReplay.Lines(assignment), host.Published.Targets.Select(t => $"{t.Code}: {string.Join(", ", t.Inspectors.Select(i => i.CertificateNumber))}"));
        foreach (var shown in new[] { terms.ListSha256, inspectorTerms.ListSha256, terms.Commitment, inspectorTerms.Commitment, "583", "ev-draw-1", InspectionAssignment.Version, terms.SeedSource })
        {
            Assert.Contains(shown, html, StringComparison.Ordinal);
        }

        Assert.All(CandidateList.Parse(terms.Candidates).Candidates, c => Assert.Contains(c.Id, html, StringComparison.Ordinal));
        Assert.All(host.Published.Targets.SelectMany(t => t.Inspectors), i => Assert.Contains($"{i.Name}（{i.Unit}，{i.CertificateNumber}）", html, StringComparison.Ordinal));
    }
}
