using System.Runtime.ExceptionServices;

namespace Rules.Engine.Input;

/// <summary>
/// Consecutive lines of the input, copied out of the line source, and the records parsed from
/// them: what one thread of a <see cref="RecordPipeline"/> hands to the caller. Reused.
/// </summary>
internal sealed class RecordBatch
{
    private readonly ICaseSchema _schema;
    private readonly int _maxLines;
    private readonly int _targetBytes;
    private byte[] _bytes;
    private int _used;

    public RecordBatch(ICaseSchema schema, int maxLines, int targetBytes)
    {
        _schema = schema;
        _maxLines = maxLines;
        _targetBytes = targetBytes;
        _bytes = new byte[Math.Min(targetBytes, 64 * 1024)];
        Kinds = new LineKind[maxLines];
        Starts = new int[maxLines];
        Lengths = new int[maxLines];
        LineNumbers = new int[maxLines];
        IsRecord = new bool[maxLines];
        Records = new CaseRecord[maxLines];
    }

    /// <summary>Which batch of the input this is (0, 1, 2, …), given while its lines are taken.</summary>
    public long Sequence { get; set; }

    /// <summary>How many lines the batch holds (after a parse failure: the lines before it).</summary>
    public int Count { get; set; }

    /// <summary>True when no batch follows: the input ended, or <see cref="Fault"/> is set.</summary>
    public bool IsLast { get; set; }

    /// <summary>What went wrong after the batch's lines (reading the stream, or parsing the next line), if anything.</summary>
    public ExceptionDispatchInfo? Fault { get; set; }

    /// <summary>The line source's <see cref="LineSource.BytesRead"/> once the batch's lines were taken.</summary>
    public long BytesRead { get; set; }

    public LineKind[] Kinds { get; }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    public int[] LineNumbers { get; }

    /// <summary>False for a line that is not a record (a CSV header).</summary>
    public bool[] IsRecord { get; }

    public CaseRecord[] Records { get; }

    /// <summary>True when another line may be added.</summary>
    public bool HasRoom => Count < _maxLines && _used < _targetBytes;

    public ReadOnlySpan<byte> Line(int index) => _bytes.AsSpan(Starts[index], Lengths[index]);

    public CaseRecord Record(int index) => Records[index] ??= new CaseRecord(_schema);

    public void Clear()
    {
        Count = 0;
        _used = 0;
        IsLast = false;
        Fault = null;
    }

    /// <summary>Adds a line (a copy of its bytes; none for a line that is too long).</summary>
    public void Add(LineKind kind, ReadOnlySpan<byte> line, int lineNumber)
    {
        var index = Count++;
        Kinds[index] = kind;
        LineNumbers[index] = lineNumber;
        IsRecord[index] = false;
        if (kind != LineKind.Line) line = default;
        if (_bytes.Length - _used < line.Length)
        {
            var bigger = new byte[(int)Math.Min(Array.MaxLength, Math.Max(_bytes.Length * 2L, (long)_used + line.Length))];
            _bytes.AsSpan(0, _used).CopyTo(bigger);
            _bytes = bigger;
        }

        line.CopyTo(_bytes.AsSpan(_used));
        Starts[index] = _used;
        Lengths[index] = line.Length;
        _used += line.Length;
    }
}
