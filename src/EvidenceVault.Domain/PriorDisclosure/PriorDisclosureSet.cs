namespace EvidenceVault.Domain.PriorDisclosure;

/// <summary>
/// The agency's standing 事前公开 data (国办发〔2018〕118号): who enforces, who the officers are, what matters they enforce
/// and inspect, how to apply and whom to complain to. One set is one version; every change makes a new one.
/// </summary>
public sealed record PriorDisclosureSet(
    EnforcementAgency Agency,
    IReadOnlyList<EnforcementOfficerEntry> Officers,
    IReadOnlyList<EnforcementMatter> Matters,
    IReadOnlyList<RandomInspectionItem> Inspections,
    IReadOnlyList<ServiceGuide> Guides,
    IReadOnlyList<SupervisionChannel> Channels)
{
    public static PriorDisclosureSet Empty { get; } = new(new EnforcementAgency(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty), [], [], [], [], []);
}

/// <summary>执法主体: name, duties (职责), jurisdiction (管辖范围), address and office hours.</summary>
public sealed record EnforcementAgency(string Name, string Duties, string Jurisdiction, string Address, string OfficeHours);

/// <summary>One enforcement officer as published: name, 执法证件号码, 执法类别, area; withdrawn ones leave the site.</summary>
public sealed record EnforcementOfficerEntry(string Name, EnforcementCertificateNumber Certificate, string Category, string Area, OfficerStatus Status);

public enum OfficerStatus
{
    Active,
    Withdrawn,
}

/// <summary>One row of the 行政执法事项清单.</summary>
public sealed record EnforcementMatter(string Name, MatterCategory Category, string LegalBasis, string Procedure, string TimeLimit);

/// <summary>The kinds of enforcement the 事项清单 groups by.</summary>
public enum MatterCategory
{
    Penalty,
    Licensing,
    Inspection,
    Coercion,
    Levy,
    Other,
}

/// <summary>One row of the 随机抽查事项清单: the matter, its basis, who is inspected, how often.</summary>
public sealed record RandomInspectionItem(string Matter, string Basis, string Subjects, string Frequency);

/// <summary>
/// A 服务指南 and its flow chart (流程图) as ordered steps of text, which the site draws as a list: no image is uploaded, so
/// nothing binary ever reaches the public side. Data stored before flow charts existed reads as no steps.
/// </summary>
public sealed record ServiceGuide(string Title, string Text, IReadOnlyList<string> FlowChart)
{
    public IReadOnlyList<string> FlowChart { get; } = FlowChart ?? [];

    // A record compares lists by reference; two loads of the same guide must be equal, or every edit would list it as changed.
    public bool Equals(ServiceGuide? other) =>
        other is not null && Title == other.Title && Text == other.Text && FlowChart.SequenceEqual(other.FlowChart, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Title, Text, FlowChart.Count);
}

/// <summary>A complaint or query channel (监督渠道).</summary>
public sealed record SupervisionChannel(ChannelKind Kind, string Label, string Value);

public enum ChannelKind
{
    Phone,
    Website,
    Address,
}
