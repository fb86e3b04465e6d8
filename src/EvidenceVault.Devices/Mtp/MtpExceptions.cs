namespace EvidenceVault.Devices.Mtp;

/// <summary>
/// A transfer (download or delete) failed part-way, with libmtp's error stack as the message. An IOException, so
/// the ingest marks that one file failed, keeps it on the device, and goes on with the next.
/// </summary>
public sealed class MtpTransferException(string message) : IOException(message);

/// <summary>The device could not be listed (storages, a folder), with libmtp's error stack as the message.</summary>
public sealed class MtpDeviceException(string message) : IOException(message);
