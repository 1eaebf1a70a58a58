using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rules.Engine.Aggregation;

/// <summary>
/// The counts for one inspection (or for all, <c>"*"</c>) over evaluated cases: cases, key
/// questions (applicable/positive), prompts (applicable and per option) and breakdown rows
/// (group × key question). Dense arrays; counting never allocates. Rows of key questions are
/// padded to a whole number of vectors so that a case is added to each of its groups with a few
/// vector additions.
/// </summary>
public sealed class InspectionCounters
{
    private readonly int _stride;
    private readonly long[] _keyApplicable;
    private readonly long[] _keyPositive;
    private readonly long[] _promptApplicable;
    private readonly int[] _promptOffset;
    private readonly long[] _promptOptions;
    private readonly long[] _groupApplicable;
    private readonly long[] _groupPositive;

    public InspectionCounters(string inspection, CounterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(layout);
        Inspection = inspection;
        Layout = layout;
        _stride = RowLength(layout.KeyQuestions);
        _keyApplicable = new long[_stride];
        _keyPositive = new long[_stride];
        _promptApplicable = new long[layout.Prompts];
        _promptOffset = new int[layout.Prompts + 1];
        for (var i = 0; i < layout.Prompts; i++) _promptOffset[i + 1] = _promptOffset[i] + layout.PromptOptions[i];
        _promptOptions = new long[_promptOffset[^1]];
        _groupApplicable = new long[layout.BreakdownGroups * _stride];
        _groupPositive = new long[layout.BreakdownGroups * _stride];
    }

    /// <summary>The inspection counted; <c>"*"</c> for all cases together.</summary>
    public string Inspection { get; }

    public CounterLayout Layout { get; }

    /// <summary>Evaluated cases.</summary>
    public long Cases { get; private set; }

    public void CountCase() => Cases++;

    /// <summary>Counts one case where key question <paramref name="keyQuestion"/> applies.</summary>
    public void CountKeyQuestion(int keyQuestion, bool positive)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)keyQuestion, (uint)Layout.KeyQuestions, nameof(keyQuestion));
        _keyApplicable[keyQuestion]++;
        if (positive) _keyPositive[keyQuestion]++;
    }

    /// <summary>Counts one case where prompt <paramref name="prompt"/> applies and was answered <paramref name="option"/>.</summary>
    public void CountPrompt(int prompt, int option)
    {
        if ((uint)option >= (uint)Layout.PromptOptions[prompt]) throw new ArgumentOutOfRangeException(nameof(option));
        _promptApplicable[prompt]++;
        _promptOptions[_promptOffset[prompt] + option]++;
    }

    /// <summary>Counts one case of breakdown group <paramref name="group"/> where the key question applies.</summary>
    public void CountBreakdown(int group, int keyQuestion, bool positive)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)keyQuestion, (uint)Layout.KeyQuestions, nameof(keyQuestion));
        var at = (group * _stride) + keyQuestion;
        _groupApplicable[at]++;
        if (positive) _groupPositive[at]++;
    }

    public Proportion KeyQuestion(int keyQuestion)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)keyQuestion, (uint)Layout.KeyQuestions, nameof(keyQuestion));
        return new Proportion(_keyPositive[keyQuestion], _keyApplicable[keyQuestion]);
    }

    /// <summary>Cases where the prompt applies and was answered.</summary>
    public long PromptApplicable(int prompt) => _promptApplicable[prompt];

    /// <summary>The count of each option of the prompt, in option order.</summary>
    public ReadOnlySpan<long> PromptOptions(int prompt) =>
        _promptOptions.AsSpan(_promptOffset[prompt], _promptOffset[prompt + 1] - _promptOffset[prompt]);

    public Proportion Breakdown(int group, int keyQuestion)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)keyQuestion, (uint)Layout.KeyQuestions, nameof(keyQuestion));
        var at = (group * _stride) + keyQuestion;
        return new Proportion(_groupPositive[at], _groupApplicable[at]);
    }

    /// <summary>Adds every count of <paramref name="other"/> (same layout) to these counters.</summary>
    public void Add(InspectionCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Layout.KeyQuestions != Layout.KeyQuestions || other._promptOptions.Length != _promptOptions.Length
            || other._groupApplicable.Length != _groupApplicable.Length || other._promptApplicable.Length != _promptApplicable.Length)
            throw new ArgumentException("The counters have different layouts.", nameof(other));
        Cases += other.Cases;
        AddInto(_keyApplicable, other._keyApplicable);
        AddInto(_keyPositive, other._keyPositive);
        AddInto(_promptApplicable, other._promptApplicable);
        AddInto(_promptOptions, other._promptOptions);
        AddInto(_groupApplicable, other._groupApplicable);
        AddInto(_groupPositive, other._groupPositive);
    }

    /// <summary>The length of a key-question row: the key questions rounded up to whole vectors.</summary>
    internal static int RowLength(int keyQuestions) => (keyQuestions + Vector<long>.Count - 1) / Vector<long>.Count * Vector<long>.Count;

    /// <summary>
    /// Counts one evaluated case: <paramref name="applicable"/> and <paramref name="positive"/> hold
    /// 1 or 0 per key question (<see cref="RowLength"/> long, zero past the last key question) and
    /// are added to the key questions and to the row of each of <paramref name="groups"/>.
    /// </summary>
    internal void CountCase(ReadOnlySpan<long> applicable, ReadOnlySpan<long> positive, ReadOnlySpan<int> groups)
    {
        if (applicable.Length != _stride || positive.Length != _stride) throw new ArgumentException("The rows do not match the layout.");
        Cases++;
        AddRow(_keyApplicable, 0, applicable);
        AddRow(_keyPositive, 0, positive);
        var groupCount = Layout.BreakdownGroups;
        foreach (var group in groups)
        {
            if ((uint)group >= (uint)groupCount) throw new ArgumentOutOfRangeException(nameof(groups));
            AddRow(_groupApplicable, group * _stride, applicable);
            AddRow(_groupPositive, group * _stride, positive);
        }
    }

    /// <summary>Counts the answer of a prompt that applies (the option is known to be in range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CountPromptAnswer(int prompt, int option)
    {
        _promptApplicable[prompt]++;
        _promptOptions[_promptOffset[prompt] + option]++;
    }

    /// <summary>target[offset ..] += row, a vector at a time (the caller checked that the row fits).</summary>
    private static void AddRow(long[] target, int offset, ReadOnlySpan<long> row)
    {
        ref var to = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(target), offset);
        ref var from = ref MemoryMarshal.GetReference(row);
        for (var i = 0; i < row.Length; i += Vector<long>.Count)
        {
            var sum = Vector.LoadUnsafe(ref to, (nuint)i) + Vector.LoadUnsafe(ref from, (nuint)i);
            sum.StoreUnsafe(ref to, (nuint)i);
        }
    }

    private static void AddInto(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++) target[i] += source[i];
    }
}
