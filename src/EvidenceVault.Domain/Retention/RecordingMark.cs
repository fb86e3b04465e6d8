namespace EvidenceVault.Domain.Retention;

/// <summary>Facts about a recording, set by a person with a reason, that change how long it is kept.</summary>
public enum RecordingMark
{
    /// <summary>Evidence in a named case: kept permanently.</summary>
    Evidence,

    /// <summary>Shows obstruction of officers (妨害公务): kept permanently.</summary>
    Obstruction,

    /// <summary>Covers a major emergency or mass incident: kept permanently.</summary>
    MajorIncident,

    /// <summary>Belongs to a major or complex case: kept permanently.</summary>
    ComplexCase,

    /// <summary>A complaint concerns it: not a term, but deletion needs the risk gate's second look.</summary>
    Complaint,
}

/// <summary>The wire names of marks (<c>major-incident</c>), shared by the CLI and the catalog.</summary>
public static class RecordingMarks
{
    public static string Name(RecordingMark mark) => mark switch
    {
        RecordingMark.MajorIncident => "major-incident",
        RecordingMark.ComplexCase => "complex-case",
        _ => mark.ToString().ToLowerInvariant(),
    };

    /// <exception cref="FormatException">Not a known mark.</exception>
    public static RecordingMark Parse(string text) =>
        Enum.GetValues<RecordingMark>().FirstOrDefault(m => string.Equals(Name(m), text?.Trim(), StringComparison.OrdinalIgnoreCase), (RecordingMark)(-1)) is var mark && Enum.IsDefined(mark)
            ? mark
            : throw new FormatException($"'{text}' is not a mark; use one of: {string.Join(", ", Enum.GetValues<RecordingMark>().Select(Name))}.");

    /// <summary>Marks that keep a recording permanently.</summary>
    public static bool MakesPermanent(RecordingMark mark) => mark is not RecordingMark.Complaint;
}
