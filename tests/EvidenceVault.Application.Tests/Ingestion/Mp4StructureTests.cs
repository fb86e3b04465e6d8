using System.Buffers.Binary;
using System.Text;
using EvidenceVault.Application.Ingestion;

namespace EvidenceVault.Application.Tests.Ingestion;

public sealed class Mp4StructureTests
{
    [Fact]
    public void Inspect_CompleteFile_IsCompleteWithCreationTime()
    {
        var file = Build(Box("ftyp", new byte[8]), Box("mdat", new byte[100]), Box("moov", Box("mvhd", Mvhd(3_800_000_000))));

        var inspection = Mp4Structure.Inspect(new MemoryStream(file));

        Assert.True(inspection.IsComplete);
        Assert.Equal(new DateTimeOffset(1904, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(3_800_000_000), inspection.CreationTime);
    }

    [Fact]
    public void Inspect_CutInsideMdat_ReportsTruncation()
    {
        var whole = Build(Box("ftyp", new byte[8]), Box("mdat", new byte[1000]), Box("moov", Box("mvhd", Mvhd(1))));

        var inspection = Mp4Structure.Inspect(new MemoryStream(whole[..500]));

        Assert.False(inspection.IsComplete);
        Assert.Contains("truncated", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_NoMoovBox_ReportsUnfinalisedRecording()
    {
        var inspection = Mp4Structure.Inspect(new MemoryStream(Build(Box("ftyp", new byte[8]), Box("mdat", new byte[10]))));

        Assert.False(inspection.IsComplete);
        Assert.Contains("moov", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ImpossibleBoxSize_ReportsIt()
    {
        var file = Build(Box("ftyp", new byte[8]));
        BinaryPrimitives.WriteUInt32BigEndian(file, 3);

        Assert.Contains("impossible size", Mp4Structure.Inspect(new MemoryStream(file)).Problem, StringComparison.Ordinal);
    }

    private static byte[] Mvhd(uint created)
    {
        var body = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4), created);
        return body;
    }

    private static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    private static byte[] Build(params byte[][] boxes) => [.. boxes.SelectMany(b => b)];
}
