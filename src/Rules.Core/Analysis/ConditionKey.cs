using System.Globalization;
using System.Text;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis;

/// <summary>
/// Writes conditions as a text that holds everything the condition solver looks at — operators, literals,
/// questions by code with their answer set's options and outcomes, fields with their type and values, the
/// prompts an aggregate ranges over — and nothing else (no positions, no symbol identities). Two conditions
/// with the same key have the same value for every case and get the same verdicts, in any compilation: the
/// engine lets items whose conditions have the same key share one routing decision.
/// <para>
/// Keys made with questions renamed write each question as its place of first mention in the key and its
/// answer set's shape, not its code. Such keys no longer say which answers a condition reads, but they still
/// decide the verdicts of the condition solver, which treats questions as free variables: the lint cache
/// keeps verdicts by them (see <see cref="LintCache"/>), so that "2.4.3.a == no and case.reoffending != low"
/// is judged once for all the standards that ask it of their own prompt.
/// </para>
/// </summary>
public sealed class ConditionKey
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<Symbol, string> _shapes = new(SymbolComparer.Instance);
    private readonly Func<string, int> _shapeId;
    private readonly Dictionary<QuestionSymbol, int>? _renamed;

    /// <summary>Keys that mean the same only within this instance (answer sets and fields numbered here).</summary>
    public ConditionKey()
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        _shapeId = shape => numbers.TryGetValue(shape, out var id) ? id : numbers[shape] = numbers.Count;
    }

    /// <summary>
    /// Keys that mean the same wherever <paramref name="shapeId"/> numbers shapes the same way; with
    /// <paramref name="renameQuestions"/>, questions are written by place rather than code (see above).
    /// </summary>
    internal ConditionKey(Func<string, int> shapeId, bool renameQuestions = false)
    {
        _shapeId = shapeId;
        if (renameQuestions) _renamed = new(SymbolComparer.Instance);
    }

    /// <summary>The key of a condition.</summary>
    public string Of(BoundExpression condition) => Of(condition, []);

    /// <summary>The key of a condition judged under its enclosing conditions (outermost first).</summary>
    public string Of(BoundExpression condition, IEnumerable<BoundExpression> enclosing)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _text.Clear();
        _renamed?.Clear();
        foreach (var outer in enclosing) WriteEnclosing(outer);
        Write(condition);
        return _text.ToString();
    }

    /// <summary>
    /// The key of a condition under the conditions of the items that enclose it (outermost first), as characters in a
    /// buffer of this instance, valid until the next call. Most keys are only looked up (conditions of the same shape
    /// come back), so a string is made only for a key that is kept.
    /// </summary>
    internal ReadOnlySpan<char> Write(BoundExpression condition, IReadOnlyList<(RoutedSymbol Owner, BoundExpression Condition)> enclosing)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _text.Clear();
        _renamed?.Clear();
        for (var i = 0; i < enclosing.Count; i++) WriteEnclosing(enclosing[i].Condition); // by index: no enumerator per key
        Write(condition);
        if (_buffer.Length < _text.Length) _buffer = new char[Math.Max(_text.Length, _buffer.Length * 2)];
        _text.CopyTo(0, _buffer, _text.Length);
        return _buffer.AsSpan(0, _text.Length);
    }

    private char[] _buffer = [];

    private void WriteEnclosing(BoundExpression outer)
    {
        Write(outer);
        _text.Append(" ⊢ ");
    }

    private void Write(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundBooleanLiteral b: _text.Append(b.Value ? "true" : "false"); break;
            case BoundNumberLiteral n: _text.Append(n.Value.ToString("R", CultureInfo.InvariantCulture)); break;
            case BoundTextLiteral t: _text.Append('"').Append(t.Value.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"'); break;
            case BoundQuestionReference q: WriteQuestion(q.Question); break;
            case BoundFieldReference f: _text.Append("case.").Append(Shape(f.Field)); break;
            case BoundNames names:
                _text.Append(names.IsSetLiteral ? "{" : "<");
                for (var i = 0; i < names.Names.Length; i++)
                {
                    if (i > 0) _text.Append(',');
                    _text.Append(names.Names[i]).Append(names.Resolved[i] switch
                    {
                        AnswerOptionSymbol o => "@" + o.AnswerSet.Name,
                        FieldValueSymbol v => "@case." + v.Field.Name,
                        null => "@?",
                        var other => "@" + other.GetType().Name,
                    });
                }
                _text.Append(names.IsSetLiteral ? "}" : ">");
                break;
            case BoundBinary b:
                _text.Append('(');
                Write(b.Left);
                _text.Append(' ').Append(b.Operator).Append(' ');
                Write(b.Right);
                _text.Append(')');
                break;
            case BoundNot n:
                _text.Append("not(");
                Write(n.Operand);
                _text.Append(')');
                break;
            case BoundIs i:
                _text.Append('(');
                Write(i.Operand);
                _text.Append(" is ").Append(i.Test).Append(')');
                break;
            case BoundAggregate a:
                _text.Append(a.Function).Append('[');
                WriteQuestion(a.KeyQuestion);
                foreach (var prompt in a.KeyQuestion.Prompts)
                {
                    _text.Append(' ');
                    WriteQuestion(prompt);
                }
                _text.Append(']').Append(a.Test?.ToString() ?? "").Append(a.Option is null ? "" : "==" + a.Option);
                break;
            default: _text.Append("error"); break;
        }
    }

    private void WriteQuestion(QuestionSymbol question)
    {
        if (_renamed is null) _text.Append(question.Code);
        else
        {
            if (!_renamed.TryGetValue(question, out var place)) _renamed[question] = place = _renamed.Count;
            _text.Append('q').Append(place);
        }
        _text.Append(Shape(question.AnswerSet));
    }

    /// <summary>
    /// An answer set's or field's shape, worked out once per compilation and written as a short number: the
    /// cache numbers each distinct shape once for its lifetime, so keys stay short and mean the same in every
    /// compilation.
    /// </summary>
    private string Shape(AnswerSetSymbol? set)
    {
        if (set is null) return ":?";
        if (_shapes.TryGetValue(set, out var shape)) return shape;
        var text = new StringBuilder(set.Name).Append('{');
        foreach (var option in set.Options) text.Append(option.Name).Append('=').Append(option.Outcome).Append(';');
        return _shapes[set] = ":#" + _shapeId(text.Append('}').ToString()).ToString(CultureInfo.InvariantCulture);
    }

    private string Shape(CaseFieldSymbol field)
    {
        if (_shapes.TryGetValue(field, out var shape)) return shape;
        var text = new StringBuilder(field.Name).Append(':').Append(field.Type).Append('{');
        foreach (var value in field.Values) text.Append(value.Name).Append(';');
        return _shapes[field] = "#" + _shapeId(text.Append('}').ToString()).ToString(CultureInfo.InvariantCulture);
    }
}
