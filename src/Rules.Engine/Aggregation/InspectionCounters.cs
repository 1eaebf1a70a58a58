namespace Rules.Engine.Aggregation;

/// <summary>
/// The counts for one inspection (or for all, <c>"*"</c>) over evaluated cases: cases, key
/// questions (applicable/positive), prompts (applicable and per option) and breakdown rows
/// (group × key question). Dense arrays; counting never allocates.
/// </summary>
public sealed class InspectionCounters
{
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
        _keyApplicable = new long[layout.KeyQuestions];
        _keyPositive = new long[layout.KeyQuestions];
        _promptApplicable = new long[layout.Prompts];
        _promptOffset = new int[layout.Prompts + 1];
        for (var i = 0; i < layout.Prompts; i++) _promptOffset[i + 1] = _promptOffset[i] + layout.PromptOptions[i];
        _promptOptions = new long[_promptOffset[^1]];
        _groupApplicable = new long[layout.BreakdownGroups * layout.KeyQuestions];
        _groupPositive = new long[layout.BreakdownGroups * layout.KeyQuestions];
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
        var at = (group * Layout.KeyQuestions) + keyQuestion;
        _groupApplicable[at]++;
        if (positive) _groupPositive[at]++;
    }

    public Proportion KeyQuestion(int keyQuestion) => new(_keyPositive[keyQuestion], _keyApplicable[keyQuestion]);

    /// <summary>Cases where the prompt applies and was answered.</summary>
    public long PromptApplicable(int prompt) => _promptApplicable[prompt];

    /// <summary>The count of each option of the prompt, in option order.</summary>
    public ReadOnlySpan<long> PromptOptions(int prompt) =>
        _promptOptions.AsSpan(_promptOffset[prompt], _promptOffset[prompt + 1] - _promptOffset[prompt]);

    public Proportion Breakdown(int group, int keyQuestion)
    {
        var at = (group * Layout.KeyQuestions) + keyQuestion;
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

    private static void AddInto(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++) target[i] += source[i];
    }
}
