using EvidenceVault.Domain.PriorDisclosure;

namespace EvidenceVault.Testing.PriorDisclosure;

/// <summary>A small but complete 事前公开 data set for the tests of every layer.</summary>
public static class PriorDisclosureSamples
{
    public static PriorDisclosureSet Set(string officer = "张建国") => new(
        new EnforcementAgency("宁波市鼓楼区市场监督管理局", "市场监管领域行政执法", "鼓楼区行政区域", "宁波市鼓楼区中山路1号", "工作日 8:30-17:00"),
        [new EnforcementOfficerEntry(officer, EnforcementCertificateNumber.Parse("33020012345"), "市场监管", "鼓楼区", OfficerStatus.Active)],
        [new EnforcementMatter("对销售不合格产品的处罚", MatterCategory.Penalty, "《产品质量法》第四十九条", "立案-调查-告知-决定", "90日")],
        [new RandomInspectionItem("食品经营者监督检查", "《食品安全法》第一百一十条", "辖区食品经营者", "每年一次")],
        [new ServiceGuide("行政许可办理指南", "申请人可现场或网上提交申请材料。", ["申请", "受理", "审查", "决定"])],
        [new SupervisionChannel(ChannelKind.Phone, "投诉举报电话", "12315")]);
}
