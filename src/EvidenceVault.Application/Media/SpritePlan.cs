using System.Globalization;
using System.Text;

namespace EvidenceVault.Application.Media;

/// <summary>
/// The geometry of a video's preview sprite, decided once from its probe facts: one JPEG sheet of tiles
/// <see cref="TileWidth"/> × <see cref="TileHeight"/>, one every <see cref="Interval"/> (whole seconds, chosen so there are
/// at most <see cref="MaxTiles"/>), <see cref="Columns"/> to a row. ffmpeg is given these numbers and the WebVTT cues are
/// written from them, so every cue points at the tile made for its time without reading the sheet back.
/// </summary>
public sealed record SpritePlan(TimeSpan Duration, TimeSpan Interval, int Tiles, int Columns, int Rows, int TileWidth, int TileHeight)
{
    public const int MaxTiles = 100;

    public const int MaxColumns = 10;

    public const int DefaultTileWidth = 160;

    /// <summary>How the cues name the sprite: relative, so they resolve beside wherever the cues are served from.</summary>
    public const string SpriteReference = "preview.jpg";

    /// <summary>The plan for media with these facts, or null when there is nothing to preview (no picture, no duration).</summary>
    public static SpritePlan? Decide(MediaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Video is not { Width: > 0, Height: > 0 } video || facts.Duration is not { } duration || duration <= TimeSpan.Zero)
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds / MaxTiles));
        var tiles = Math.Clamp((int)Math.Ceiling(duration.TotalSeconds / seconds), 1, MaxTiles);
        var columns = Math.Min(MaxColumns, tiles);
        var rows = (tiles + columns - 1) / columns;

        // Even sides keep every encoder happy; the picture's shape is kept, at least 2 lines.
        var height = Math.Max(2, (int)Math.Round(DefaultTileWidth * video.Height / (double)video.Width / 2) * 2);
        return new SpritePlan(duration, TimeSpan.FromSeconds(seconds), tiles, columns, rows, DefaultTileWidth, height);
    }

    public int SheetWidth => Columns * TileWidth;

    public int SheetHeight => Rows * TileHeight;

    /// <summary>The WebVTT document: one cue per tile, <c>preview.jpg#xywh=x,y,w,h</c>, the last ending with the media.</summary>
    public string Cues()
    {
        var text = new StringBuilder("WEBVTT\n");
        for (var i = 0; i < Tiles; i++)
        {
            var start = Interval * i;
            var end = i == Tiles - 1 ? Duration : Interval * (i + 1);
            var x = i % Columns * TileWidth;
            var y = i / Columns * TileHeight;
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}\n{Stamp(start)} --> {Stamp(end)}\n{SpriteReference}#xywh={x},{y},{TileWidth},{TileHeight}\n");
        }

        return text.ToString();
    }

    private static string Stamp(TimeSpan t) => t.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
