namespace EvidenceVault.Domain.Linking;

/// <summary>Checks each stage of a case against the completeness rules; reports what is missing, never blocks.</summary>
public sealed class CompletenessChecker(CompletenessRules rules)
{
    public CompletenessRules Rules { get; } = rules;

    public IReadOnlyList<CompletenessFinding> Check(IEnumerable<StageEvidence> stages)
    {
        var findings = new List<CompletenessFinding>();
        foreach (var stage in stages)
        {
            foreach (var rule in Rules.Rules.Where(r => r.AppliesTo(stage.Stage)))
            {
                if (rule.ActivityType is null)
                {
                    if (!stage.Records.Any(rule.IsMetBy))
                    {
                        findings.Add(new CompletenessFinding(stage.Stage, rule.Id, rule.Message, null));
                    }

                    continue;
                }

                var activities = stage.Activities.Where(a =>
                    string.Equals(a.ActivityType.Trim(), rule.ActivityType, StringComparison.OrdinalIgnoreCase));
                foreach (var activity in activities)
                {
                    // Records tied to another activity do not count: one seizure's video does not cover the next.
                    var met = stage.Records.Any(r => (r.ActivityId is null || r.ActivityId == activity.Id) && rule.IsMetBy(r));
                    if (!met)
                    {
                        findings.Add(new CompletenessFinding(stage.Stage, rule.Id, rule.Message, activity));
                    }
                }
            }
        }

        return findings;
    }
}
