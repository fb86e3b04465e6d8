using System.Globalization;

namespace EvidenceVault.Bench;

/// <summary><c>--name value</c> pairs; every option a command reads is required.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var arg = args.GetEnumerator();
        while (arg.MoveNext())
        {
            var name = arg.Current.StartsWith("--", StringComparison.Ordinal) ? arg.Current[2..] : throw new ArgumentException($"Expected --name, got '{arg.Current}'.");
            values[name] = arg.MoveNext() ? arg.Current : throw new ArgumentException($"--{name} needs a value.");
        }

        return new Options(values);
    }

    public string Text(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    public bool Has(string name) => values.ContainsKey(name);

    public long Long(string name) => long.Parse(Text(name), CultureInfo.InvariantCulture);

    public int Int(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);
}
