using EvidenceVault.Application.Sources;
using EvidenceVault.Devices.Mtp;

namespace EvidenceVault.Devices;

/// <summary>Every way a recorder is opened: <c>mtp:</c> locations through libmtp, anything else as a mounted folder or file.</summary>
public sealed class RecorderSourceFactory : IRecorderSourceFactory
{
    private readonly MassStorageRecorderSourceFactory _massStorage = new();

    public IRecorderSource Open(string location) =>
        MtpDevices.IsMtpLocation(location) ? new MtpRecorderSource(location) : _massStorage.Open(location);
}
