using System.Text;
using EvidenceVault.Application.Disclosure;
using static EvidenceVault.Public.PublicHtml;

namespace EvidenceVault.Public;

/// <summary>
/// The signed custody checkpoints, verbatim: anyone can compare the head <c>audit verify</c> prints (size and root),
/// or the checkpoint in an export package, with one published here before it.
/// </summary>
internal static class LedgerHeadsPage
{
    public static string Render(string site, IReadOnlyList<PublishedCheckpoint> heads, TimeZoneInfo zone)
    {
        var body = new StringBuilder("<p>以下为执法记录保管账本（custody ledger）经签名的校验点。将 <code>evidencevault audit verify</code> 输出的账本规模与根哈希与此处比对，即可确认记录未被改写或截短。</p>");
        if (heads.Count == 0)
        {
            body.Append("<p>尚未公布校验点。</p>");
        }

        foreach (var head in heads)
        {
            body.Append("<section><h3>规模 ").Append(head.Size).Append(" · ").Append(DecisionPages.Time(head.Time, zone)).Append("</h3>")
                .Append("<p>根哈希（base64）：<code>").Append(E(head.RootHash)).Append("</code>；十六进制：<code>")
                .Append(Convert.ToHexStringLower(Convert.FromBase64String(head.RootHash))).Append("</code></p><pre>").Append(E(head.Note)).Append("</pre></section>");
        }

        return Page(site, "记录账本校验点", body.ToString());
    }
}
