using Rules.Engine.Input;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// The yardstick of the engine benchmarks: rules/probation-2021 evaluated by hand-written C#, as a
/// programmer would write it for this one framework, over the same <see cref="CaseRecord"/> the
/// readers produce. Routing (which key questions and prompts apply), validation (a missing answer
/// for an item that applies, an answer for an item that does not, an answer outside its set), the
/// framework's checks and signals, and the counts per inspection (<see cref="HandWrittenTally"/>).
/// Conditions are hard-coded from the .rules files; slots and option indices are looked up once
/// by name. Not thread-safe: one per thread.
/// </summary>
public sealed class HandWrittenEvaluator
{
    private const string MissingAnswer = "RL1004", CheckFailed = "RL1005", Signal = "RL1101", AnswerNotApplicable = "RL1102";

    private readonly ICaseSchema _schema;
    private readonly bool[] _applies;
    private readonly int[] _groups = new int[64];

    // Case fields (slots) and the option indices the conditions and breakdowns name.
    private readonly int _age, _sex, _ethnicity, _type, _sentenceMonths, _previousSanctions, _reoffending, _rosh, _harm, _caseload, _grade, _interviewed, _requirements;
    private readonly int _community, _postRelease, _unpaidWork, _rar, _accreditedProgramme;
    private readonly int _roshMedium, _roshHigh, _roshVeryHigh;

    // Answer slots.
    private readonly int[] _domainOne;
    private readonly int _q221, _q222, _q223, _q231, _q232, _q233, _q241, _q242, _q243, _q251, _q252, _q253, _q261;
    private readonly int[] _p223, _p233, _p243, _p253, _p261, _p241, _p242, _p261All;
    private readonly int _p241a, _p241b, _p241c, _p241d, _p241e, _p241f, _p241g, _p242a, _p242b, _p242c, _p242d, _p261c;
    private readonly int _yes, _no, _noncomplianceA, _noneD, _noncomplianceC;

    // Counting: key questions and prompts in this order; positive option of each (answer sets list "yes" first).
    private readonly int[] _keySlots;
    private readonly int[] _promptSlots;
    private readonly int[] _positive;

    public HandWrittenEvaluator(ICaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
        _applies = new bool[schema.Answers.Length];
        _age = Field("age");
        _sex = Field("sex");
        _ethnicity = Field("ethnicity");
        _type = Field("type");
        _sentenceMonths = Field("sentence_months");
        _previousSanctions = Field("previous_sanctions");
        _reoffending = Field("reoffending");
        _rosh = Field("rosh");
        _harm = Field("harm_indicators");
        _caseload = Field("caseload");
        _grade = Field("grade");
        _interviewed = Field("interviewed");
        _requirements = Field("requirements");
        _community = Option(_type, "community");
        _postRelease = Option(_type, "post_release");
        _unpaidWork = Option(_requirements, "unpaid_work");
        _rar = Option(_requirements, "rar");
        _accreditedProgramme = Option(_requirements, "accredited_programme");
        _roshMedium = Option(_rosh, "medium");
        _roshHigh = Option(_rosh, "high");
        _roshVeryHigh = Option(_rosh, "very_high");

        _domainOne = [.. new[] { "1.1.1", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.2.10", "1.3.1", "1.3.2", "1.3.3", "1.4.1", "1.4.2", "1.4.3" }.Select(Answer)];
        _q221 = Answer("2.2.1");
        _q222 = Answer("2.2.2");
        _q223 = Answer("2.2.3");
        _p223 = Prompts("2.2.3", "abc");
        _q231 = Answer("2.3.1");
        _q232 = Answer("2.3.2");
        _q233 = Answer("2.3.3");
        _p233 = Prompts("2.3.3", "abcd");
        _q241 = Answer("2.4.1");
        _p241a = Answer("2.4.1.a");
        _p241b = Answer("2.4.1.b");
        _p241c = Answer("2.4.1.c");
        _p241d = Answer("2.4.1.d");
        _p241e = Answer("2.4.1.e");
        _p241f = Answer("2.4.1.f");
        _p241g = Answer("2.4.1.g");
        _q242 = Answer("2.4.2");
        _p242a = Answer("2.4.2.a");
        _p242b = Answer("2.4.2.b");
        _p242c = Answer("2.4.2.c");
        _p242d = Answer("2.4.2.d");
        _q243 = Answer("2.4.3");
        _p243 = Prompts("2.4.3", "abcde");
        _q251 = Answer("2.5.1");
        _q252 = Answer("2.5.2");
        _q253 = Answer("2.5.3");
        _p253 = Prompts("2.5.3", "abcd");
        _q261 = Answer("2.6.1");
        _p261 = Prompts("2.6.1", "abde");
        _p261c = Answer("2.6.1.c");
        _p241 = Prompts("2.4.1", "abcdefg");
        _p242 = Prompts("2.4.2", "abcd");
        _p261All = Prompts("2.6.1", "abcde");
        _yes = AnswerOption(_q241, "yes");
        _no = AnswerOption(_q241, "no");
        _noncomplianceA = AnswerOption(_p241a, "noncompliance");
        _noneD = AnswerOption(_p241d, "none");
        _noncomplianceC = AnswerOption(_p242c, "noncompliance");

        KeyQuestionCodes = [.. new[] { "1.1.1", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.2.10", "1.3.1", "1.3.2", "1.3.3", "1.4.1", "1.4.2", "1.4.3",
            "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3", "2.5.1", "2.5.2", "2.5.3", "2.6.1" }];
        PromptCodes = [.. schema.Answers.Select(a => a.Code).Where(c => c.Count(ch => ch == '.') == 3)];
        _keySlots = [.. KeyQuestionCodes.Select(Answer)];
        _promptSlots = [.. PromptCodes.Select(Answer)];
        _positive = [.. schema.Answers.Select(a => a.Options.IndexOf("yes"))];
        PromptOptionCounts = [.. _promptSlots.Select(s => schema.Answers[s].Options.Count)];
        BreakdownGroups =
        [
            ("age_group", "18-25"), ("age_group", "26-35"), ("age_group", "36-55"), ("age_group", "56+"),
            ("age_band", "18-24"), ("age_band", "25-29"), ("age_band", "30-39"), ("age_band", "40-59"), ("age_band", "60+"),
            ("sex", "Male"), ("sex", "Female"),
            ("ethnicity", "White"), ("ethnicity", "Mixed"), ("ethnicity", "Asian"), ("ethnicity", "Black"), ("ethnicity", "Other"),
            ("ethnicity_group", "White"), ("ethnicity_group", "Ethnic minority"),
            ("case_type", "Community"), ("case_type", "Post-release"),
            ("sentence_length", "Up to and including 6 months"), ("sentence_length", "Over 6 months; up to and including 12 months"), ("sentence_length", "Over 12 months"),
            ("previous_sanctions", "0"), ("previous_sanctions", "1"), ("previous_sanctions", "2-5"), ("previous_sanctions", "6-10"), ("previous_sanctions", "11-20"), ("previous_sanctions", "21+"),
            ("reoffending", "Low"), ("reoffending", "Medium"), ("reoffending", "High/Very high"),
            ("rosh", "Low"), ("rosh", "Medium"), ("rosh", "High/Very high"),
            ("harm_indicators", "Yes"), ("harm_indicators", "No"),
            ("caseload", "1-20"), ("caseload", "21-30"), ("caseload", "31-40"), ("caseload", "41-50"), ("caseload", "51-60"), ("caseload", "61-70"), ("caseload", "71+"),
            ("grade", "Probation Officer"), ("grade", "Probation Service Officer"), ("grade", "Other or not clear"),
            ("requirements", "Unpaid work"), ("requirements", "Rehabilitation activity"), ("requirements", "Accredited programme"),
        ];
    }

    /// <summary>Key question codes in counter order.</summary>
    public IReadOnlyList<string> KeyQuestionCodes { get; }

    /// <summary>Prompt codes in counter order.</summary>
    public IReadOnlyList<string> PromptCodes { get; }

    /// <summary>The number of options of each prompt, in counter order.</summary>
    public IReadOnlyList<int> PromptOptionCounts { get; }

    /// <summary>The breakdown groups (breakdown name, group label) in counter order.</summary>
    public IReadOnlyList<(string Breakdown, string Group)> BreakdownGroups { get; }

    /// <summary>Whether the item answered in this slot applies to the case last evaluated.</summary>
    public bool Applies(int answerSlot) => _applies[answerSlot];

    /// <summary>Decides what applies, validates the answers, runs the checks and signals; adds problems to the record.</summary>
    public void Evaluate(CaseRecord record, bool allowMissing = false)
    {
        var interviewed = record.GetBoolean(_interviewed);
        var harm = record.GetBoolean(_harm);
        var applies = _applies;

        foreach (var slot in _domainOne) applies[slot] = interviewed;

        applies[_q221] = true;
        applies[_q222] = true;
        applies[_q223] = harm;
        foreach (var slot in _p223) applies[slot] = harm;

        applies[_q231] = true;
        applies[_q232] = true;
        applies[_q233] = harm;
        foreach (var slot in _p233) applies[slot] = harm;

        applies[_q241] = true;
        applies[_p241a] = true;
        applies[_p241b] = true;
        applies[_p241c] = true;
        applies[_p241d] = true;
        var enforcement = record.GetAnswer(_p241d) != _noneD;
        applies[_p241e] = enforcement;
        applies[_p241f] = enforcement;
        applies[_p241g] = record.GetOption(_type) == _postRelease;

        applies[_q242] = true;
        applies[_p242a] = true;
        applies[_p242b] = true;
        applies[_p242c] = true;
        applies[_p242d] = !IsOnlyUnpaidWork(record);

        applies[_q243] = harm;
        foreach (var slot in _p243) applies[slot] = harm;

        applies[_q251] = true;
        applies[_q252] = true;
        applies[_q253] = harm;
        foreach (var slot in _p253) applies[slot] = harm;

        applies[_q261] = true;
        foreach (var slot in _p261) applies[slot] = true;
        applies[_p261c] = harm;

        // Validation: every item that applies is answered with an option of its set; no answer for one that does not.
        var answers = _schema.Answers;
        for (var slot = 0; slot < applies.Length; slot++)
        {
            var given = record.IsAnswerGiven(slot);
            if (applies[slot])
            {
                if (!given)
                {
                    Add(record, MissingAnswer, allowMissing ? ProblemSeverity.Warning : ProblemSeverity.Rejection, "an item that applies has no answer", answers[slot].Code);
                }
                else if (record.GetAnswer(slot) is var option && option >= answers[slot].Options.Count)
                {
                    Add(record, "RL1003", ProblemSeverity.Rejection, "the answer is not an option of its set", answers[slot].Code);
                }
            }
            else if (given)
            {
                Add(record, AnswerNotApplicable, ProblemSeverity.Warning, "an answer for an item that does not apply", answers[slot].Code);
            }
        }

        // Checks and signals of case.rules.
        var type = record.GetOption(_type);
        if (type == _community && !(Has(record, _unpaidWork) || Has(record, _rar) || Has(record, _accreditedProgramme)))
            Add(record, Signal, ProblemSeverity.Warning, "A community case has no unpaid work, rehabilitation activity or accredited programme requirement", null);
        if (type == _postRelease && Has(record, _unpaidWork))
            Add(record, CheckFailed, ProblemSeverity.Rejection, "A post-release case cannot have an unpaid work requirement", null);
        if (type == _postRelease && Has(record, _rar))
            Add(record, CheckFailed, ProblemSeverity.Rejection, "A post-release case cannot have a rehabilitation activity requirement", null);
        if (IsBelow(record, _age, 18))
            Add(record, CheckFailed, ProblemSeverity.Rejection, "Age is under 18: these frameworks inspect adult cases only", null);
        if (IsBelow(record, _sentenceMonths, 0))
            Add(record, CheckFailed, ProblemSeverity.Rejection, "Length of sentence in months cannot be negative", null);
        if (IsBelow(record, _previousSanctions, 0))
            Add(record, CheckFailed, ProblemSeverity.Rejection, "Number of previous sanctions cannot be negative", null);
        if (IsBelow(record, _caseload, 0))
            Add(record, CheckFailed, ProblemSeverity.Rejection, "Practitioner's caseload cannot be negative", null);
        var rosh = record.GetOption(_rosh);
        if ((rosh == _roshMedium || rosh == _roshHigh || rosh == _roshVeryHigh) && !harm)
            Add(record, Signal, ProblemSeverity.Warning, "Risk of serious harm is medium or above but no indicators of risk of harm are recorded", null);

        // Checks and signals of the key questions (each only where its key question applies).
        if (harm)
        {
            JudgementSignals(record, _q223, _p223, "2.2.3");
            JudgementSignals(record, _q233, _p233, "2.3.3");
        }

        var d = AnswerOf(record, _p241d);
        if (AnswerOf(record, _p241a) == _noncomplianceA && d == _noneD)
            Add(record, CheckFailed, ProblemSeverity.Rejection, "Requirements did not start due to non-compliance, so there were risks of non-compliance: 2.4.1.d cannot be 'There were no risks of non-compliance'", "2.4.1");
        JudgementSignals(record, _q241, _p241, "2.4.1");
        if (AnswerOf(record, _p242c) == _noncomplianceC && d == _noneD)
            Add(record, CheckFailed, ProblemSeverity.Rejection, "Contact was insufficient mostly due to non-compliance, so there were risks of non-compliance: 2.4.1.d cannot be 'There were no risks of non-compliance'", "2.4.2");
        JudgementSignals(record, _q242, _p242, "2.4.2");
        if (harm)
        {
            JudgementSignals(record, _q243, _p243, "2.4.3");
            JudgementSignals(record, _q253, _p253, "2.5.3");
        }

        JudgementSignals(record, _q261, _p261All, "2.6.1");
    }

    /// <summary>Counts the case last evaluated (not rejected) into its inspection's counters.</summary>
    public void Count(CaseRecord record, HandWrittenTally.Counters counters)
    {
        counters.Cases++;
        var groups = _groups;
        var n = 0;
        if (record.HasValue(_age))
        {
            var age = record.GetNumber(_age);
            if (age >= 18 && age <= 25) groups[n++] = 0;
            else if (age >= 26 && age <= 35) groups[n++] = 1;
            else if (age >= 36 && age <= 55) groups[n++] = 2;
            else if (age >= 56) groups[n++] = 3;
            if (age >= 18 && age <= 24) groups[n++] = 4;
            else if (age >= 25 && age <= 29) groups[n++] = 5;
            else if (age >= 30 && age <= 39) groups[n++] = 6;
            else if (age >= 40 && age <= 59) groups[n++] = 7;
            else if (age >= 60) groups[n++] = 8;
        }

        var sex = record.GetOption(_sex);
        if (sex >= 0) groups[n++] = 9 + sex;
        var ethnicity = record.GetOption(_ethnicity);
        if (ethnicity >= 0)
        {
            groups[n++] = 11 + ethnicity;
            groups[n++] = ethnicity == 0 ? 16 : 17;
        }

        var type = record.GetOption(_type);
        if (type >= 0) groups[n++] = 18 + type;
        if (record.HasValue(_sentenceMonths))
        {
            var months = record.GetNumber(_sentenceMonths);
            if (months >= 0 && months <= 6) groups[n++] = 20;
            else if (months >= 7 && months <= 12) groups[n++] = 21;
            else if (months >= 13) groups[n++] = 22;
        }

        if (record.HasValue(_previousSanctions))
        {
            var previous = record.GetNumber(_previousSanctions);
            if (previous >= 0 && previous <= 0) groups[n++] = 23;
            else if (previous >= 1 && previous <= 1) groups[n++] = 24;
            else if (previous >= 2 && previous <= 5) groups[n++] = 25;
            else if (previous >= 6 && previous <= 10) groups[n++] = 26;
            else if (previous >= 11 && previous <= 20) groups[n++] = 27;
            else if (previous >= 21) groups[n++] = 28;
        }

        var reoffending = record.GetOption(_reoffending);
        if (reoffending >= 0) groups[n++] = 29 + Math.Min(reoffending, 2);
        var rosh = record.GetOption(_rosh);
        if (rosh >= 0) groups[n++] = 32 + Math.Min(rosh, 2);
        if (record.HasValue(_harm)) groups[n++] = record.GetBoolean(_harm) ? 35 : 36;
        if (record.HasValue(_caseload))
        {
            var caseload = record.GetNumber(_caseload);
            if (caseload >= 1 && caseload <= 20) groups[n++] = 37;
            else if (caseload >= 21 && caseload <= 30) groups[n++] = 38;
            else if (caseload >= 31 && caseload <= 40) groups[n++] = 39;
            else if (caseload >= 41 && caseload <= 50) groups[n++] = 40;
            else if (caseload >= 51 && caseload <= 60) groups[n++] = 41;
            else if (caseload >= 61 && caseload <= 70) groups[n++] = 42;
            else if (caseload >= 71) groups[n++] = 43;
        }

        var grade = record.GetOption(_grade);
        if (grade >= 0) groups[n++] = 44 + grade;
        if (Has(record, _unpaidWork)) groups[n++] = 47;
        if (Has(record, _rar)) groups[n++] = 48;
        if (Has(record, _accreditedProgramme)) groups[n++] = 49;

        var keys = _keySlots;
        var keyCount = keys.Length;
        for (var k = 0; k < keyCount; k++)
        {
            var slot = keys[k];
            var answer = record.GetAnswer(slot);
            if (!_applies[slot] || answer < 0) continue;
            var positive = answer == _positive[slot];
            counters.KeyApplicable[k]++;
            if (positive) counters.KeyPositive[k]++;
            for (var g = 0; g < n; g++)
            {
                var at = (groups[g] * keyCount) + k;
                counters.GroupApplicable[at]++;
                if (positive) counters.GroupPositive[at]++;
            }
        }

        var prompts = _promptSlots;
        for (var p = 0; p < prompts.Length; p++)
        {
            var slot = prompts[p];
            var answer = record.GetAnswer(slot);
            if (!_applies[slot] || answer < 0) continue;
            counters.PromptApplicable[p]++;
            counters.PromptOptions[p][answer]++;
        }
    }

    private void JudgementSignals(CaseRecord record, int keyQuestion, int[] prompts, string code)
    {
        var judgement = AnswerOf(record, keyQuestion);
        if (judgement != _yes && judgement != _no) return;
        int considered = 0, positive = 0;
        foreach (var slot in prompts)
        {
            var answer = AnswerOf(record, slot);
            if (answer < 0) continue;
            considered++;
            if (answer == _positive[slot]) positive++;
        }

        if (judgement == _yes && positive == 0)
            Add(record, Signal, ProblemSeverity.Warning, $"{code} judged yes although no prompt was answered positively", code);
        else if (judgement == _no && positive == considered)
            Add(record, Signal, ProblemSeverity.Warning, $"{code} judged no although every prompt was answered positively", code);
    }

    private int AnswerOf(CaseRecord record, int slot) => _applies[slot] ? record.GetAnswer(slot) : CaseRecord.NoAnswer;

    private bool Has(CaseRecord record, int option) => record.SetContains(_requirements, option);

    private bool IsOnlyUnpaidWork(CaseRecord record)
    {
        if (!record.HasValue(_requirements)) return false;
        var words = record.GetSetWords(_requirements);
        return words.Length == 1 && words[0] == 1UL << _unpaidWork;
    }

    private static bool IsBelow(CaseRecord record, int slot, double bound) => record.HasValue(slot) && record.GetNumber(slot) < bound;

    private static void Add(CaseRecord record, string id, ProblemSeverity severity, string detail, string? subject) =>
        record.AddProblem(new RecordProblem(id, severity, detail, record.Id, record.Line, subject));

    private int Field(string name) => _schema.FindField(name)?.Slot ?? throw new ArgumentException($"The schema has no case field '{name}'.");

    private int Option(int field, string name) => _schema.Fields[field].Options.IndexOf(name) is var i and >= 0 ? i : throw new ArgumentException($"'{name}' is not an option of case field {field}.");

    private int Answer(string code) => _schema.FindAnswer(code)?.Slot ?? throw new ArgumentException($"The schema has no code '{code}'.");

    private int AnswerOption(int slot, string name) => _schema.Answers[slot].Options.IndexOf(name) is var i and >= 0 ? i : throw new ArgumentException($"'{name}' is not an option of {_schema.Answers[slot].Code}.");

    private int[] Prompts(string keyQuestion, string letters) => [.. letters.Select(l => Answer($"{keyQuestion}.{l}"))];
}
