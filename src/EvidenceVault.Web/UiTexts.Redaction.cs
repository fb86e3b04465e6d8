namespace EvidenceVault.Web;

/// <summary>The words of the redaction editor and the redacted copies on a recording's page.</summary>
public static partial class UiTexts
{
    private static Dictionary<string, (string Zh, string En)> Redaction() => new()
    {
        ["redaction.title"] = ("遮蔽副本", "Redacted copies"),
        ["redaction.box"] = ("画面区域", "Picture region"),
        ["redaction.mode"] = ("方式", "Mode"),
        ["redaction.blackout"] = ("涂黑", "Black out"),
        ["redaction.blur"] = ("模糊", "Blur"),
        ["redaction.draw"] = ("在画面上框选", "Draw a box on the picture"),
        ["redaction.keyframe"] = ("在当前时间为所选区域加关键帧", "Add a keyframe to the selected box here"),
        ["redaction.span"] = ("时间段", "Time span"),
        ["redaction.from"] = ("从（秒）", "From (s)"),
        ["redaction.to"] = ("到（秒）", "To (s)"),
        ["redaction.from-now"] = ("从当前时间", "From here"),
        ["redaction.to-now"] = ("到当前时间", "To here"),
        ["redaction.mute"] = ("静音该段", "Mute this span"),
        ["redaction.frame-blur"] = ("整幅模糊该段", "Blur the whole picture over this span"),
        ["redaction.spec"] = ("遮蔽规格（JSON）", "Redaction spec (JSON)"),
        ["redaction.submit"] = ("生成遮蔽副本", "Make the redacted copy"),
        ["redaction.made"] = ("已生成遮蔽副本 {0}，原始文件未改动。", "Redacted copy {0} made; the original is untouched."),
        ["redaction.copies"] = ("已有的遮蔽副本", "Redacted copies made"),
        ["redaction.delete"] = ("删除", "Delete"),
        ["redaction.none"] = ("暂无。", "None."),
        ["redaction.player"] = ("遮蔽副本 {0}", "Redacted copy {0}"),
        ["redaction.copy"] = ("副本", "Copy"),
        ["redaction.download"] = ("下载", "Download"),
        ["redaction.source"] = ("原始文件 SHA-256", "Original's SHA-256"),
        ["redaction.spec-sha256"] = ("规格 SHA-256", "Spec SHA-256"),
        ["redaction.tool"] = ("ffmpeg 版本", "ffmpeg version"),
        ["redaction.by"] = ("制作", "Made by"),
        ["redaction.grant-only"] = ("调阅授权 {0} 仅限遮蔽副本：原始文件和代理视频不提供。", "Grant {0} is for redacted copies only: no original and no proxy."),
        ["redaction.copies-only"] = ("仅限遮蔽副本", "redacted copies only"),

        // The names redact.js gives the items of its list; {0} is a count of keyframes.
        ["redaction.item-mute"] = ("静音", "mute"),
        ["redaction.item-frame-blur"] = ("整幅模糊", "frame blur"),
        ["redaction.item-keyframes"] = ("（{0} 个关键帧）", " ({0} keyframes)"),
        ["redaction.item-from"] = ("从", "from"),
        ["redaction.item-to"] = ("到", "to"),
    };
}
