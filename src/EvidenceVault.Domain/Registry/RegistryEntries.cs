using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Registry;

/// <summary>An enforcement officer: number (警号), name, enforcement certificate number (执法证件号码), unit.</summary>
public sealed record Officer(OfficerId Number, string Name, string? CertificateNumber, string? Unit);

/// <summary>A body recorder: serial, model, unit.</summary>
public sealed record Device(DeviceId Id, string? Model, string? Unit);
