using System.Text;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Signing;

/// <summary>Signs checkpoints as C2SP signed notes and checks their signatures; the key's name is the log's origin.</summary>
public static class CheckpointNotes
{
    public static SignedCheckpoint Sign(Checkpoint checkpoint, IEvidenceSigner signer)
    {
        var signature = signer.Sign(Encoding.UTF8.GetBytes(checkpoint.Body()));
        return new SignedCheckpoint(checkpoint, [new NoteSignature(checkpoint.Origin, KeyHash(checkpoint.Origin, signer.PublicKey), signature)]);
    }

    /// <summary>The first of <paramref name="keys"/> whose valid signature the note carries under its origin; null when none does.</summary>
    public static EvidencePublicKey? VerifiedBy(SignedCheckpoint note, IEnumerable<EvidencePublicKey> keys)
    {
        var body = Encoding.UTF8.GetBytes(note.Checkpoint.Body());
        var origin = note.Checkpoint.Origin;
        foreach (var key in keys)
        {
            var hash = KeyHash(origin, key);
            if (note.Signatures.Any(s => s.Name == origin && s.KeyHash.AsSpan().SequenceEqual(hash) && key.Verify(body, s.Signature)))
            {
                return key;
            }
        }

        return null;
    }

    private static byte[] KeyHash(string name, EvidencePublicKey key) => NoteSignature.KeyHashOf(name, EvidenceSignatures.TypeByte(key.Algorithm), key.Bytes);
}
