using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Hosting;

namespace EvidenceVault.Cli.Output;

/// <summary>The JSON shapes the CLI prints: stable field names, ISO-8601 times with their offset.</summary>
internal static class Wire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Keep Chinese names and paths readable in the output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Time(DateTimeOffset? value) => RecordingDocument.Time(value);

    public static string Kind<T>(T value)
        where T : struct, Enum => RecordingDocument.Kind(value);

    public static RecordingJson Recording(RecordingEntry r) => RecordingDocument.Of(r);

    public static void Print(object document) => Console.Out.WriteLine(JsonSerializer.Serialize(document, Json));
}
