namespace Rules.Engine.Input;

/// <summary>
/// One case assessment as read from the input. A reader reuses a single instance for every record,
/// so read what you need before moving to the next record. Case fields and answers are stored
/// by slot (see <see cref="ICaseSchema"/>): numbers as doubles, booleans as bools, enum values as
/// option indices, sets as bit sets of option indices, answers as option indices (-1: none).
/// </summary>
public sealed class CaseRecord
{
    /// <summary>The answer index stored for an item without an answer.</summary>
    public const int NoAnswer = -1;

    // Not readonly: SwapWith exchanges them with another record of the same schema.
    private readonly int[] _setOffset;
    private readonly int[] _setWords;
    private bool[] _hasValue;
    private double[] _numbers;
    private ulong[] _sets;
    private int[] _answers;
    private bool[] _answerGiven;
    private ulong[] _answerGivenWords;
    private List<RecordProblem> _problems = [];
    private int _rejections;

    // The arrays behind HasValue, GetNumber and GetAnswer, for the conditions compiled to methods (ConditionMethods)
    // to read directly; named here so that renaming a field cannot leave them reading nothing.
    internal static System.Reflection.FieldInfo HasValueField { get; } = Field(nameof(_hasValue));
    internal static System.Reflection.FieldInfo NumbersField { get; } = Field(nameof(_numbers));
    internal static System.Reflection.FieldInfo AnswersField { get; } = Field(nameof(_answers));

    private static System.Reflection.FieldInfo Field(string name) =>
        typeof(CaseRecord).GetField(name, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

    public CaseRecord(ICaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        var fields = schema.Fields;
        _hasValue = new bool[fields.Length];
        _numbers = new double[fields.Length];
        _setOffset = new int[fields.Length];
        _setWords = new int[fields.Length];
        var words = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Slot != i) throw new ArgumentException($"The case field '{fields[i].Name}' has slot {fields[i].Slot}, expected {i}.", nameof(schema));
            if (fields[i].Kind == CaseFieldKind.Set)
            {
                _setOffset[i] = words;
                _setWords[i] = (fields[i].Options.Count + 63) / 64;
                words += _setWords[i];
            }
        }

        _sets = new ulong[words];
        for (var i = 0; i < schema.Answers.Length; i++)
        {
            if (schema.Answers[i].Slot != i) throw new ArgumentException($"The code '{schema.Answers[i].Code}' has slot {schema.Answers[i].Slot}, expected {i}.", nameof(schema));
        }

        _answers = new int[schema.Answers.Length];
        _answerGiven = new bool[schema.Answers.Length];
        _answerGivenWords = new ulong[(schema.Answers.Length + 63) / 64];
        Array.Fill(_answers, NoAnswer);
    }

    private CaseRecord(ICaseSchema schema, CaseRecord source)
    {
        Schema = schema;
        _hasValue = (bool[])source._hasValue.Clone();
        _numbers = (double[])source._numbers.Clone();
        _setOffset = source._setOffset;
        _setWords = source._setWords;
        _sets = (ulong[])source._sets.Clone();
        _answers = (int[])source._answers.Clone();
        _answerGiven = (bool[])source._answerGiven.Clone();
        _answerGivenWords = (ulong[])source._answerGivenWords.Clone();
    }

    /// <summary>The schema the record was read against.</summary>
    public ICaseSchema Schema { get; }

    /// <summary>The case id, or null when the line has none (then the record is rejected with RL1001).</summary>
    public string? Id { get; private set; }

    /// <summary>The inspection the case belongs to; "" when the input names none.</summary>
    public string Inspection { get; private set; } = "";

    /// <summary>The 1-based physical line where the record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The problems found while reading, in the order found.</summary>
    public IReadOnlyList<RecordProblem> Problems => _problems;

    /// <summary>True when a problem rejects the case.</summary>
    public bool IsRejected => _rejections > 0;

    /// <summary>The answers by slot: an option index, or <see cref="NoAnswer"/>.</summary>
    public ReadOnlySpan<int> Answers => _answers;

    /// <summary>True when the case has a value for the field in this slot.</summary>
    public bool HasValue(int slot) => _hasValue[slot];

    /// <summary>The number in a number field (0 when it has no value).</summary>
    public double GetNumber(int slot) => _numbers[slot];

    /// <summary>The value of a boolean field (false when it has no value).</summary>
    public bool GetBoolean(int slot) => _hasValue[slot] && _numbers[slot] != 0;

    /// <summary>The option index of an enum field, or -1 when it has no value.</summary>
    public int GetOption(int slot) => _hasValue[slot] ? (int)_numbers[slot] : -1;

    /// <summary>True when a set field has a value that contains the option with this index.</summary>
    public bool SetContains(int slot, int option)
    {
        if (!_hasValue[slot] || (uint)option >= (uint)(_setWords[slot] * 64)) return false;
        return (_sets[_setOffset[slot] + (option >> 6)] & (1UL << (option & 63))) != 0;
    }

    /// <summary>The bit words of a set field (bit i of word w: option 64·w + i).</summary>
    public ReadOnlySpan<ulong> GetSetWords(int slot) => _sets.AsSpan(_setOffset[slot], _setWords[slot]);

    /// <summary>
    /// True when the input gives an answer for the item in this slot, valid or not (an answer that
    /// is not an option is not stored, but it was given: it is not a missing answer).
    /// </summary>
    public bool IsAnswerGiven(int slot) => _answerGiven[slot];

    /// <summary><see cref="IsAnswerGiven"/> for every slot as bit words (bit i of word w: slot 64·w + i).</summary>
    internal ReadOnlySpan<ulong> AnswerGivenWords => _answerGivenWords;

    /// <summary>The option index answered for the item in this slot, or <see cref="NoAnswer"/>.</summary>
    public int GetAnswer(int slot) => _answers[slot];

    /// <summary>Adds a problem found after reading (for example by evaluation).</summary>
    public void AddProblem(RecordProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _problems.Add(problem);
        if (problem.Severity == ProblemSeverity.Rejection) _rejections++;
    }

    /// <summary>
    /// A copy of the record (values, answers, id, inspection, line and problems) that no reader
    /// reuses: readers hand out one instance for every record, so copy a record to keep it.
    /// </summary>
    public CaseRecord Copy()
    {
        var copy = new CaseRecord(Schema, this);
        copy.Id = Id;
        copy.Inspection = Inspection;
        copy.Line = Line;
        foreach (var problem in _problems) copy.AddProblem(problem);
        return copy;
    }

    /// <summary>
    /// Exchanges everything read (values, answers, id, inspection, line and problems) with another
    /// record of the same schema, without copying: how a reader hands out a record parsed on
    /// another thread in its one <see cref="CaseReader.Current"/> instance.
    /// </summary>
    internal void SwapWith(CaseRecord other)
    {
        if (!ReferenceEquals(other.Schema, Schema)) throw new ArgumentException("The records must have the same schema.", nameof(other));
        (_hasValue, other._hasValue) = (other._hasValue, _hasValue);
        (_numbers, other._numbers) = (other._numbers, _numbers);
        (_sets, other._sets) = (other._sets, _sets);
        (_answers, other._answers) = (other._answers, _answers);
        (_answerGiven, other._answerGiven) = (other._answerGiven, _answerGiven);
        (_answerGivenWords, other._answerGivenWords) = (other._answerGivenWords, _answerGivenWords);
        (_problems, other._problems) = (other._problems, _problems);
        (_rejections, other._rejections) = (other._rejections, _rejections);
        (Id, other.Id) = (other.Id, Id);
        (Inspection, other.Inspection) = (other.Inspection, Inspection);
        (Line, other.Line) = (other.Line, Line);
    }

    internal void Reset(int line)
    {
        Line = line;
        Id = null;
        Inspection = "";
        Array.Clear(_hasValue);
        Array.Clear(_numbers);
        Array.Clear(_sets);
        Array.Fill(_answers, NoAnswer);
        Array.Clear(_answerGiven);
        Array.Clear(_answerGivenWords);
        _problems.Clear();
        _rejections = 0;
    }

    internal void SetId(string id) => Id = id;

    internal void SetInspection(string inspection) => Inspection = inspection;

    internal void SetNumber(int slot, double value)
    {
        _numbers[slot] = value;
        _hasValue[slot] = true;
    }

    internal void SetBoolean(int slot, bool value)
    {
        _numbers[slot] = value ? 1 : 0;
        _hasValue[slot] = true;
    }

    internal void SetOption(int slot, int option)
    {
        _numbers[slot] = option;
        _hasValue[slot] = true;
    }

    /// <summary>Marks a set field as present (possibly empty) and clears its members.</summary>
    internal void BeginSet(int slot)
    {
        _sets.AsSpan(_setOffset[slot], _setWords[slot]).Clear();
        _hasValue[slot] = true;
    }

    internal void AddToSet(int slot, int option) =>
        _sets[_setOffset[slot] + (option >> 6)] |= 1UL << (option & 63);

    internal void SetAnswer(int slot, int option)
    {
        _answers[slot] = option;
        MarkAnswerGiven(slot);
    }

    internal void MarkAnswerGiven(int slot)
    {
        _answerGiven[slot] = true;
        _answerGivenWords[slot >> 6] |= 1UL << (slot & 63);
    }
}
