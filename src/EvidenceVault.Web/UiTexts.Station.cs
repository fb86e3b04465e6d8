namespace EvidenceVault.Web;

/// <summary>The words of the docking stations' live view.</summary>
public static partial class UiTexts
{
    private static Dictionary<string, (string Zh, string En)> Station() => new()
    {
        ["nav.stations"] = ("采集站", "Stations"),
        ["stations.title"] = ("采集站实时状态", "Docking stations, live"),
        ["stations.none"] = ("未配置采集站（设置 StationBoards:Stations）。", "No stations are configured (setting StationBoards:Stations)."),
        ["stations.unreachable"] = ("无法读取：{0}", "Cannot be read: {0}"),
        ["stations.queued"] = ("排队等待的设备：{0}", "Devices waiting for a bay: {0}"),
        ["stations.live"] = ("每 2 秒自动刷新。", "Refreshes every 2 seconds."),
        ["stations.bay"] = ("仓位", "Bay"),
        ["stations.device"] = ("设备", "Device"),
        ["stations.officer"] = ("执法人员", "Officer"),
        ["stations.state"] = ("状态", "State"),
        ["stations.progress"] = ("进度", "Progress"),
        ["stations.clock"] = ("时钟偏差", "Clock offset"),
        ["stations.detail"] = ("说明", "Detail"),
        ["stations.unplugged"] = ("已拔出", "unplugged"),
        ["stations.files"] = ("{0}/{1} 个文件", "{0}/{1} files"),
        ["stations.summary"] = ("存入 {0}，此前已保全 {1}，失败 {2}", "{0} stored, {1} already secured, {2} failed"),
        ["stations.offset"] = ("{0:+0.#;-0.#;0} 秒", "{0:+0.#;-0.#;0} s"),
        ["phase.empty"] = ("空闲", "empty"),
        ["phase.waiting"] = ("等待", "waiting"),
        ["phase.identifying"] = ("识别中", "identifying"),
        ["phase.copying"] = ("复制中", "copying"),
        ["phase.verifying"] = ("校验中", "verifying"),
        ["phase.done"] = ("完成", "done"),
        ["phase.failed"] = ("失败", "failed"),
        ["phase.refused"] = ("已拒绝", "refused"),
    };
}
