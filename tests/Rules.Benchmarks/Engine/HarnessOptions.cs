using System.Globalization;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// The <c>--name value</c> options of a harness command: read once, with one message for anything else
/// (<see cref="Read"/> returns null after writing the command's usage).
/// </summary>
internal sealed class HarnessOptions
{
    private readonly Dictionary<string, string> _values;

    private HarnessOptions(Dictionary<string, string> values) => _values = values;

    public static HarnessOptions? Read(IReadOnlyList<string> arguments, TextWriter output, string usage, params string[] names)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!names.Contains(arguments[i]) || i + 1 >= arguments.Count)
            {
                var command = usage.Split(' ')[0];
                output.WriteLine($"{command}: unexpected argument '{arguments[i]}'. Usage: {usage}");
                return null;
            }

            values[arguments[i]] = arguments[++i];
        }

        return new HarnessOptions(values);
    }

    public int Int(string name, int otherwise) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : otherwise;

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string[] List(string name, string[] otherwise) => _values.TryGetValue(name, out var value) ? value.Split(',') : otherwise;
}
