using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rules.Engine.Aggregation;

/// <summary>
/// The counts for one inspection (or for all, <c>"*"</c>) over evaluated cases: cases, key
/// questions (applicable/positive), prompts (applicable and per option) and breakdown rows
/// (group × key question). Dense arrays; counting never allocates.
/// </summary>
/// <remarks>
/// A whole case is counted (<see cref="CountCase"/>) by adding one block of 16-bit counts, the
/// case's applicable and positive flags per key question, to the key questions' block and to the
/// block of each breakdown group it belongs to: two 64-byte vector additions per group (for up to 32 key
/// questions). The 16-bit counts are moved into the 64-bit totals before they could overflow; every figure read is the
/// sum of both.
/// </remarks>
public sealed class InspectionCounters
{
    private readonly int _flushEvery;

    private readonly int _keyQuestions;
    private readonly int _block;
    private readonly long[] _keyTotals;
    private readonly ushort[] _keyRecent;
    private readonly long[] _groupTotals;
    private readonly ushort[] _groupRecent;
    private readonly int[] _promptOffset;
    private readonly long[] _promptOptions;
    private int _recentCases;

    public InspectionCounters(string inspection, CounterLayout layout)
        : this(inspection, layout, ushort.MaxValue)
    {
    }

    /// <param name="flushEvery">
    /// Cases counted into the 16-bit blocks before they are moved into the totals (each count grows
    /// by at most one a case, so 65,535 never overflows; at most that); smaller in tests.
    /// </param>
    internal InspectionCounters(string inspection, CounterLayout layout, int flushEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flushEvery, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(flushEvery, ushort.MaxValue);
        _flushEvery = flushEvery;
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(layout);
        Inspection = inspection;
        Layout = layout;
        _keyQuestions = layout.KeyQuestions;
        _block = BlockLength(layout.KeyQuestions);
        _keyTotals = new long[_block];
        _keyRecent = new ushort[_block];
        _groupTotals = new long[layout.BreakdownGroups * _block];
        _groupRecent = new ushort[layout.BreakdownGroups * _block];
        _promptOffset = new int[layout.Prompts + 1];
        for (var i = 0; i < layout.Prompts; i++) _promptOffset[i + 1] = _promptOffset[i] + layout.PromptOptions[i];
        _promptOptions = new long[_promptOffset[^1]];
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
        CheckKeyQuestion(keyQuestion);
        _keyTotals[keyQuestion]++;
        if (positive) _keyTotals[_block / 2 + keyQuestion]++;
    }

    /// <summary>Counts one case where prompt <paramref name="prompt"/> applies and was answered <paramref name="option"/>.</summary>
    public void CountPrompt(int prompt, int option)
    {
        if ((uint)option >= (uint)Layout.PromptOptions[prompt]) throw new ArgumentOutOfRangeException(nameof(option));
        _promptOptions[_promptOffset[prompt] + option]++;
    }

    /// <summary>Counts one case of breakdown group <paramref name="group"/> where the key question applies.</summary>
    public void CountBreakdown(int group, int keyQuestion, bool positive)
    {
        CheckKeyQuestion(keyQuestion);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)group, (uint)Layout.BreakdownGroups, nameof(group));
        var at = group * _block;
        _groupTotals[at + keyQuestion]++;
        if (positive) _groupTotals[at + _block / 2 + keyQuestion]++;
    }

    public Proportion KeyQuestion(int keyQuestion)
    {
        CheckKeyQuestion(keyQuestion);
        return new Proportion(Count(_keyTotals, _keyRecent, _block / 2 + keyQuestion), Count(_keyTotals, _keyRecent, keyQuestion));
    }

    /// <summary>Cases where the prompt applies and was answered.</summary>
    public long PromptApplicable(int prompt)
    {
        long sum = 0;
        foreach (var count in PromptOptions(prompt)) sum += count;
        return sum;
    }

    /// <summary>The count of each option of the prompt, in option order.</summary>
    public ReadOnlySpan<long> PromptOptions(int prompt) =>
        _promptOptions.AsSpan(_promptOffset[prompt], _promptOffset[prompt + 1] - _promptOffset[prompt]);

    public Proportion Breakdown(int group, int keyQuestion)
    {
        CheckKeyQuestion(keyQuestion);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)group, (uint)Layout.BreakdownGroups, nameof(group));
        var at = group * _block;
        return new Proportion(Count(_groupTotals, _groupRecent, at + _block / 2 + keyQuestion), Count(_groupTotals, _groupRecent, at + keyQuestion));
    }

    /// <summary>Adds every count of <paramref name="other"/> (same layout) to these counters.</summary>
    public void Add(InspectionCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Layout.KeyQuestions != Layout.KeyQuestions || other._promptOptions.Length != _promptOptions.Length
            || other._groupTotals.Length != _groupTotals.Length || other._promptOptions.Length != _promptOptions.Length)
            throw new ArgumentException("The counters have different layouts.", nameof(other));
        Cases += other.Cases;
        AddInto(_keyTotals, other._keyTotals, other._keyRecent);
        AddInto(_groupTotals, other._groupTotals, other._groupRecent);
        AddInto(_promptOptions, other._promptOptions, null);
    }

    /// <summary>
    /// The length of a case's block: applicable flags for every key question, then positive flags,
    /// each half rounded up to 32 (a 64-byte vector of 16-bit counts).
    /// </summary>
    internal static int BlockLength(int keyQuestions) => 2 * ((keyQuestions + 31) / 32 * 32);

    /// <summary>
    /// Counts one evaluated case. <paramref name="block"/> (<see cref="BlockLength"/> long) holds 1
    /// at <c>k</c> when key question k applies and is answered and 1 at <c>BlockLength / 2 + k</c>
    /// when the answer is positive, 0 elsewhere (the padding included). It is added to the key
    /// questions' block and to the block of each group in <paramref name="groups"/>.
    /// </summary>
    internal void CountCase(ReadOnlySpan<ushort> block, ReadOnlySpan<int> groups)
    {
        if (block.Length != _block) throw new ArgumentException("The block does not match the layout.", nameof(block));
        if (_recentCases == _flushEvery) Flush();
        _recentCases++;
        Cases++;
        AddBlock(_keyRecent, 0, block);
        var groupCount = Layout.BreakdownGroups;
        foreach (var group in groups)
        {
            if ((uint)group >= (uint)groupCount) throw new ArgumentOutOfRangeException(nameof(groups));
            AddBlock(_groupRecent, group * _block, block);
        }
    }

    /// <summary>
    /// Counts prompt answers given as cells: for each, the prompt's first option's index in the
    /// layout's order of every prompt's options (<see cref="CounterLayout.PromptOptions"/>) plus the option.
    /// </summary>
    internal void CountPromptCells(ReadOnlySpan<int> cells)
    {
        var options = _promptOptions;
        foreach (var cell in cells) options[cell]++;
    }

    private void CheckKeyQuestion(int keyQuestion) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)keyQuestion, (uint)_keyQuestions, nameof(keyQuestion));

    private static long Count(long[] totals, ushort[] recent, int at) => totals[at] + recent[at];

    /// <summary>Moves the 16-bit counts into the totals.</summary>
    private void Flush()
    {
        for (var i = 0; i < _keyRecent.Length; i++) _keyTotals[i] += _keyRecent[i];
        for (var i = 0; i < _groupRecent.Length; i++) _groupTotals[i] += _groupRecent[i];
        Array.Clear(_keyRecent);
        Array.Clear(_groupRecent);
        _recentCases = 0;
    }

    /// <summary>target[offset ..] += block (the caller checked that it fits), 64 or 32 bytes at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddBlock(ushort[] target, int offset, ReadOnlySpan<ushort> block)
    {
        ref var to = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(target), offset);
        ref var from = ref MemoryMarshal.GetReference(block);
        if (Vector512.IsHardwareAccelerated)
        {
            for (var i = 0; i < block.Length; i += Vector512<ushort>.Count)
                (Vector512.LoadUnsafe(ref to, (nuint)i) + Vector512.LoadUnsafe(ref from, (nuint)i)).StoreUnsafe(ref to, (nuint)i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (var i = 0; i < block.Length; i += Vector256<ushort>.Count)
                (Vector256.LoadUnsafe(ref to, (nuint)i) + Vector256.LoadUnsafe(ref from, (nuint)i)).StoreUnsafe(ref to, (nuint)i);
        }
        else
        {
            for (var i = 0; i < block.Length; i++) Unsafe.Add(ref to, i) += Unsafe.Add(ref from, i);
        }
    }

    private static void AddInto(long[] target, long[] source, ushort[]? recent)
    {
        for (var i = 0; i < target.Length; i++) target[i] += source[i] + (recent is null ? 0 : recent[i]);
    }
}
