namespace EvidenceVault.Testing.Inspections;

/// <summary>Pool files for the 双随机 tests of every layer: six food businesses in two areas, five inspectors in three units.</summary>
public static class InspectionSamples
{
    /// <summary>The matter on <see cref="PriorDisclosure.PriorDisclosureSamples"/>' 随机抽查事项清单.</summary>
    public const string Matter = "食品经营者监督检查";

    public const string Targets = """
        id,name,category,area
        91330203MA2AAAAA01,宁波鼓楼一号餐饮有限公司,食品经营,鼓楼区
        91330203MA2AAAAA02,宁波鼓楼二号超市有限公司,食品经营,鼓楼区
        91330203MA2AAAAA03,宁波鼓楼三号面馆,食品经营,鼓楼区
        91330203MA2AAAAA04,宁波鼓楼四号烘焙坊,食品经营,鼓楼区
        91330204MA2BBBBB05,宁波江东五号便利店,食品经营,江东区
        91330204MA2BBBBB06,宁波江东六号饭店,食品经营,江东区

        """;

    public const string Inspectors = """
        id,name,unit,category,area
        33020012341,张建国,市场监管一所,食品经营,鼓楼区
        33020012342,李卫东,市场监管一所,食品经营,鼓楼区
        33020012343,王秀英,市场监管二所,食品经营,鼓楼区
        33020012344,陈志强,市场监管二所,食品经营,鼓楼区
        33020012345,刘海燕,执法大队,食品经营,鼓楼区

        """;
}
