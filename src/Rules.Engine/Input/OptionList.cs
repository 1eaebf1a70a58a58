using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Rules.Engine.Input;

/// <summary>
/// The option names of an answer set or of an enum/set case field, in declaration order. An
/// option's index in <see cref="Names"/> is the small integer the readers store. Lookups by
/// <see cref="ReadOnlySpan{T}"/> do not allocate.
/// </summary>
public sealed class OptionList
{
    private readonly FrozenDictionary<string, int> _byName;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private const int LinearSearchLimit = 16;

    private readonly byte[][] _utf8;

    // Names of at most 8 UTF-8 bytes as integers (ShortUtf8Key), with their lengths:
    // most option names are short, so most lookups are a few integer comparisons.
    private readonly ulong[] _packed;
    private readonly int[] _packedLength;

    public OptionList(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names];
        _utf8 = [.. Names.Select(Encoding.UTF8.GetBytes)];
        _packed = [.. _utf8.Select(b => b.Length <= 8 ? ShortUtf8Key.Of(b) : 0)];
        _packedLength = [.. _utf8.Select(b => b.Length <= 8 ? b.Length : -1)];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Names.Length; i++)
        {
            if (!map.TryAdd(Names[i], i))
                throw new ArgumentException($"The option '{Names[i]}' is listed twice.", nameof(names));
        }

        _byName = map.ToFrozenDictionary(StringComparer.Ordinal);
        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The option names, in declaration order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The number of options.</summary>
    public int Count => Names.Length;

    /// <summary>The index of the named option, or -1 when there is no such option.</summary>
    public int IndexOf(ReadOnlySpan<char> name) => _bySpan.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The index of the named option, or -1 when there is no such option.</summary>
    public int IndexOf(string name) => _byName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The index of the option whose name is these UTF-8 bytes, or -1. Does not allocate.</summary>
    public int IndexOfUtf8(ReadOnlySpan<byte> name)
    {
        if (name.Length <= 8 && _utf8.Length <= LinearSearchLimit)
        {
            var packed = ShortUtf8Key.Of(name);
            var length = name.Length;
            for (var i = 0; i < _packed.Length; i++)
            {
                if (_packed[i] == packed && _packedLength[i] == length) return i;
            }

            return -1;
        }

        if (_utf8.Length <= LinearSearchLimit)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (name.SequenceEqual(_utf8[i])) return i;
            }

            return -1;
        }

        if (name.Length > 1024) return -1;
        Span<char> chars = stackalloc char[name.Length];
        return Encoding.UTF8.TryGetChars(name, chars, out var written) ? IndexOf(chars[..written]) : -1;
    }

    /// <summary>
    /// For a message about a value that is not an option: " Did you mean "yes"?" when one option is near it (a slip
    /// of the keyboard in the data, "yse"), else nothing. Only worked out for a rejected value.
    /// </summary>
    public string NearestHint(string value) =>
        Rules.Core.Diagnostics.Suggestions.Nearest(value, Names) is { } near ? $" Did you mean \"{near}\"?" : "";

    /// <summary>The options as a short list for messages ("yes, no, none"), at most a dozen names.</summary>
    public string Describe()
    {
        const int shown = 12;
        return Names.Length <= shown
            ? string.Join(", ", Names)
            : string.Join(", ", Names.Take(shown)) + $" and {Names.Length - shown} more";
    }
}
