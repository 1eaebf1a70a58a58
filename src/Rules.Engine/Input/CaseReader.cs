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
/// </summary>
public abstract class CaseReader : IDisposable
{
    private readonly CaseIdRegistry _ids = new();
    private readonly Dictionary<string, string> _inspections = new(StringComparer.Ordinal) { [""] = "" };
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _inspectionLookup;
    private readonly LineSource _lines;
    private char[] _chars = new char[256];
    private bool _disposed;

    private protected CaseReader(Stream stream, ICaseSchema schema, CaseReaderOptions? options, bool quoteAware, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? CaseReaderOptions.Default;
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
    public long BytesRead => _lines.BytesRead;

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

    /// <summary>Advances to the next record. Never throws for bad input; returns false at the end.</summary>
    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            var kind = _lines.Next(out var line, out var lineNumber);
            if (kind == LineKind.End) return false;
            if (kind == LineKind.Line && IsBlank(line)) continue;

            var record = Current;
            record.Reset(lineNumber);
            Problems.Clear();
            if (kind == LineKind.TooLong)
            {
                if (!IsRecordWhenTooLong(lineNumber)) continue;
                Problems.Reject(ProblemIds.Unreadable, $"the line is longer than the limit of {Options.MaxLineBytes:N0} bytes, so it was not read.");
            }
            else if (!HandleLine(line, record))
            {
                continue;
            }

            if (record.Id is { } id)
            {
                if (!_ids.TryAdd(id, lineNumber, out var first))
                {
                    Problems.Reject(ProblemIds.DuplicateId, $"the id repeats the id of the case on line {first}.", "id", id);
                }
            }

            Problems.FlushInto(record);
            RecordsRead++;
            return true;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _lines.Dispose();
        GC.SuppressFinalize(this);
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

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;
}
