using EvidenceVault.Application.Media;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Media.FFmpeg;

/// <summary>Registers the ffmpeg adapter.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IMediaProbe"/>, <see cref="IMediaTranscoder"/> and <see cref="IMediaRedactor"/> (singletons: they hold no per-call state).</summary>
    public static IServiceCollection AddFfmpegMedia(this IServiceCollection services, Action<FfmpegOptions>? configure = null)
    {
        var options = services.AddOptions<FfmpegOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<FfprobeMediaProbe>();
        services.AddSingleton<IMediaProbe>(sp => sp.GetRequiredService<FfprobeMediaProbe>());
        services.AddSingleton<FfmpegMediaTranscoder>();
        services.AddSingleton<IMediaTranscoder>(sp => sp.GetRequiredService<FfmpegMediaTranscoder>());
        services.AddSingleton<IMediaRedactor>(sp => sp.GetRequiredService<FfmpegMediaTranscoder>());
        return services;
    }
}
