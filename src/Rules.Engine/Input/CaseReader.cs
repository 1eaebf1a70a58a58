using System.Runtime.ExceptionServices;
using System.Text;

namespace Rules.Engine.Input;

/// <summary>
/// Reads case assessments one record at a time, streaming, with little allocation per record.
/// Every non-blank line (CSV: every record after the header) yields exactly one record; problems
/// are attached to it (<see cref="CaseRecord.Problems"/>), never thrown. The same
/// <see cref="Current"/> instance is reused for every record.
/// <code>
/// using var reader = CaseReader.Open(stream, CaseInputFormat.JsonLines, schema);
/// while (reader.MoveNext()) { var record = reader.Current; ... }
/// </code>
/// With <see cref="CaseReaderOptions.ParseThreads"/>, records are split and parsed ahead on other
/// threads (after the first <see cref="CaseReaderOptions.ParallelAfterRecords"/>, read on the calling
/// thread) and handed out in input order: the records, their problems and the duplicate-id checks
/// are the same as when everything is read on the calling thread. A failure of the stream is
/// thrown by <see cref="MoveNext"/> after the records before it, as it would be without threads.
/// Dispose the reader to stop the threads when not reading to the end.
/// </summary>
public abstract class CaseReader : IDisposable
{
    private readonly CaseIdRegistry _ids = new();
    private readonly Dictionary<string, string> _inspections = new(StringComparer.Ordinal) { [""] = "" };
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _inspectionLookup;
    private readonly LineSource _lines;
    private char[] _chars = new char[256];
    private RecordPipeline? _pipeline;
    private RecordBatch? _batch;
    private int _batchIndex;
    private bool _parallel;
    private bool _finished;
    private ExceptionDispatchInfo? _fault;
    private long _bytesDelivered;
    private bool _disposed;

    private protected CaseReader(Stream stream, ICaseSchema schema, CaseReaderOptions? options, bool quoteAware, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? CaseReaderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(Options.ParseThreads, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(Options.ParallelAfterRecords, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.BatchRecords, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.BatchBytes, 1, nameof(options));
        Current = new CaseRecord(schema);
        Problems = new ProblemCollector();
        _lines = new LineSource(stream, Options.MaxLineBytes, quoteAware, leaveOpen);
        _inspectionLookup = _inspections.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The schema values are read against.</summary>
    public ICaseSchema Schema { get; }

    /// <summary>The reader's limits.</summary>
    public CaseReaderOptions Options { get; }

    /// <summary>The current record; valid after <see cref="MoveNext"/> returned true, until the next call.</summary>
    public CaseRecord Current { get; }

    /// <summary>How many records have been read so far (each non-blank data line or row counts once).</summary>
    public int RecordsRead { get; private set; }

    /// <summary>Bytes taken from the stream so far, for a progress display (compare with the file's length).</summary>
    public long BytesRead => _parallel ? Volatile.Read(ref _bytesDelivered) : _lines.BytesRead;

    /// <summary>True while parse threads of this reader are running (for tests).</summary>
    internal bool HasRunningParseThreads => _pipeline?.HasRunningThreads ?? false;

    /// <summary>True once the reader has started its parse threads (for tests).</summary>
    internal bool StartedParseThreads => _parallel;

    private protected ProblemCollector Problems { get; }

    /// <summary>Opens a reader of the given format over a stream (disposed with the reader unless <paramref name="leaveOpen"/>).</summary>
    public static CaseReader Open(Stream stream, CaseInputFormat format, ICaseSchema schema, CaseReaderOptions? options = null, bool leaveOpen = false) =>
        format switch
        {
            CaseInputFormat.JsonLines => new JsonLinesCaseReader(stream, schema, options, leaveOpen),
            CaseInputFormat.Csv => new CsvCaseReader(stream, schema, options, leaveOpen),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown case input format."),
        };

    /// <summary>
    /// Opens a case file for reading; the format comes from the extension unless given. Throws
    /// <see cref="IOException"/> (or <see cref="UnauthorizedAccessException"/>) when the file cannot be
    /// opened and <see cref="ArgumentException"/> when the format cannot be told from the name.
    /// </summary>
    public static CaseReader OpenFile(string path, ICaseSchema schema, CaseInputFormat? format = null, CaseReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var chosen = format ?? FormatOf(path)
            ?? throw new ArgumentException($"Cannot tell the format of '{path}' from its extension; use .jsonl or .csv.", nameof(path));
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Open(stream, chosen, schema, options);
    }

    /// <summary>The format implied by a file name: <c>.jsonl</c>/<c>.ndjson</c> or <c>.csv</c>; null otherwise.</summary>
    public static CaseInputFormat? FormatOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => CaseInputFormat.JsonLines,
            ".csv" => CaseInputFormat.Csv,
            _ => null,
        };

    /// <summary>
    /// Advances to the next record. Never throws for bad input; returns false at the end. A failure
    /// of the stream itself (an <see cref="IOException"/>) is thrown, after the records before it.
    /// </summary>
    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_parallel) return MoveNextInParallel();
        if (Options.ParseThreads > 0 && RecordsRead >= Options.ParallelAfterRecords && IsReadyForParallel)
        {
            _parallel = true;
            _pipeline = new RecordPipeline(_lines, this, CreateParser, Options.ParseThreads, Options.BatchRecords, Options.BatchBytes);
            _bytesDelivered = _lines.BytesRead;
            return MoveNextInParallel();
        }

        while (true)
        {
            var kind = _lines.Next(out var line, out var lineNumber);
            if (kind == LineKind.End) return false;
            if (kind == LineKind.Line && IsBlank(line)) continue;
            if (!ParseLine(kind, line, lineNumber, Current)) continue;
            CheckId(Current);
            RecordsRead++;
            return true;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _pipeline?.Dispose();
        _pipeline = null;
        _lines.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Reads one line into the record (reset first), with every problem found reading it; false
    /// when the line is not a record (a CSV header). Duplicate ids are not checked here.
    /// </summary>
    internal bool ParseLine(LineKind kind, ReadOnlySpan<byte> line, int lineNumber, CaseRecord record)
    {
        record.Reset(lineNumber);
        Problems.Clear();
        if (kind == LineKind.TooLong)
        {
            if (!IsRecordWhenTooLong(lineNumber)) return false;
            Problems.Reject(ProblemIds.Unreadable, $"the line is longer than the limit of {Options.MaxLineBytes:N0} bytes, so it was not read.");
        }
        else if (!HandleLine(line, record))
        {
            Problems.Clear();
            return false;
        }

        Problems.FlushInto(record);
        return true;
    }

    internal static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    /// <summary>A parser for another thread: the same schema and options, its own scratch state (for CSV, the header read so far).</summary>
    private protected abstract CaseReader CreateParser();

    /// <summary>Whether the lines still to come can be parsed on other threads (false for CSV until the header is read).</summary>
    private protected virtual bool IsReadyForParallel => true;

    /// <summary>Rejects the record when its id was seen before; called for every record in input order.</summary>
    private void CheckId(CaseRecord record)
    {
        if (record.Id is { } id && !_ids.TryAdd(id, record.Line, out var first))
        {
            record.AddProblem(new RecordProblem(ProblemIds.DuplicateId, ProblemSeverity.Rejection, $"the id repeats the id of the case on line {first}.", id, record.Line, "id", id));
        }
    }

    private bool MoveNextInParallel()
    {
        while (true)
        {
            if (_batch is { } batch)
            {
                while (_batchIndex < batch.Count)
                {
                    var index = _batchIndex++;
                    if (!batch.IsRecord[index]) continue;
                    Current.SwapWith(batch.Records[index]);
                    Volatile.Write(ref _bytesDelivered, batch.BytesRead);
                    CheckId(Current);
                    RecordsRead++;
                    return true;
                }

                _batch = null;
                if (batch.IsLast)
                {
                    _finished = true;
                    _fault = batch.Fault;
                    Volatile.Write(ref _bytesDelivered, batch.BytesRead);
                    _pipeline!.Dispose();
                    _pipeline = null;
                }
                else
                {
                    _pipeline!.Release(batch);
                }
            }

            if (_finished)
            {
                _fault?.Throw();
                return false;
            }

            _batch = _pipeline!.Take();
            _batchIndex = 0;
        }
    }

    /// <summary>
    /// Reads one non-blank line into the reset record, adding problems to <see cref="Problems"/>.
    /// Returns false when the line is not a record (a CSV header).
    /// </summary>
    private protected abstract bool HandleLine(ReadOnlySpan<byte> line, CaseRecord record);

    /// <summary>Whether a line that is too long to read counts as a record (false for a CSV header).</summary>
    private protected virtual bool IsRecordWhenTooLong(int lineNumber) => true;

    /// <summary>The inspection name, shared between records that name the same inspection.</summary>
    private protected string Intern(ReadOnlySpan<char> inspection)
    {
        if (_inspectionLookup.TryGetValue(inspection, out var known)) return known;
        var text = inspection.ToString();
        _inspections.Add(text, text);
        return text;
    }

    /// <summary>A scratch buffer of at least <paramref name="length"/> chars.</summary>
    private protected char[] Chars(int length)
    {
        if (_chars.Length < length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        return _chars;
    }

    /// <summary>Decodes valid UTF-8 into the scratch buffer.</summary>
    private protected ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        var chars = Chars(utf8.Length);
        var count = Encoding.UTF8.GetChars(utf8, chars);
        return chars.AsSpan(0, count);
    }

    /// <summary>The 1-based position of the first byte that is not valid UTF-8, or 0 when all is valid.</summary>
    private protected static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return 0;
        var position = 0;
        while (position < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return position + 1;
            position += consumed;
        }

        return bytes.Length;
    }
}
