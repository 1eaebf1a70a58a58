using System.Runtime.ExceptionServices;

namespace Rules.Engine.Input;

/// <summary>
/// Reads and parses records on other threads while the caller works on the records already read.
/// The lines are taken from the one <see cref="LineSource"/> in order, a batch at a time, under a
/// lock, and each batch is numbered as it is taken; any thread (a parse thread, or the caller when
/// the batch it needs next is not ready) then parses a whole batch with its own parser, and the
/// caller takes the batches back in their order. There are a fixed number of batches, so memory
/// does not grow with the input, and a thread that is ahead waits for the caller.
/// Everything that depends on the order of the records (duplicate ids, the count of records) is
/// left to the caller, who sees them in input order.
/// A failure while reading the stream, or while parsing a line, is kept with the batch at the
/// place it happened and rethrown by the caller after the records before it.
/// </summary>
internal sealed class RecordPipeline : IDisposable
{
    private readonly object _gate = new();
    private readonly object _splitLock = new();
    private readonly LineSource _lines;
    private readonly CaseReader _callerParser;
    private readonly CaseReader[] _parsers;
    private readonly Thread[] _threads;
    private readonly RecordBatch?[] _ready;
    private readonly Stack<RecordBatch> _free = new();
    private long _nextToNumber;
    private long _nextToTake;
    private volatile bool _ended;
    private bool _stopping;
    private bool _disposed;

    /// <param name="lines">The line source, positioned after the lines the caller has read (the pipeline takes it over until disposed).</param>
    /// <param name="callerParser">The parser the caller's thread uses when it helps.</param>
    /// <param name="createParser">Makes a parser for each parse thread (each keeps its own scratch state).</param>
    public RecordPipeline(LineSource lines, CaseReader callerParser, Func<CaseReader> createParser, int threads, int batchRecords, int batchBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _lines = lines;
        _callerParser = callerParser;
        var batches = 4 * (threads + 1);
        _ready = new RecordBatch?[batches];
        for (var i = 0; i < batches; i++) _free.Push(new RecordBatch(callerParser.Schema, batchRecords, batchBytes));

        _parsers = new CaseReader[threads];
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _parsers[i] = createParser();
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"Case parser {i + 1}" };
        }

        for (var i = 0; i < threads; i++) _threads[i].Start(_parsers[i]);
    }

    /// <summary>True while any parse thread is still running (for tests).</summary>
    public bool HasRunningThreads => _threads.Any(t => t.IsAlive);

    /// <summary>
    /// The next batch in input order, parsed; the caller parses batches itself while it waits. After
    /// a batch with <see cref="RecordBatch.IsLast"/>, do not call again.
    /// </summary>
    public RecordBatch Take()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            RecordBatch? help = null;
            lock (_gate)
            {
                var slot = (int)(_nextToTake % _ready.Length);
                if (_ready[slot] is { } ready && ready.Sequence == _nextToTake)
                {
                    _ready[slot] = null;
                    _nextToTake++;
                    return ready;
                }

                if (!_ended && _free.Count > 0) help = _free.Pop();
                else Monitor.Wait(_gate);
            }

            if (help is not null) Process(help, _callerParser);
        }
    }

    /// <summary>Gives back a batch the caller has finished with.</summary>
    public void Release(RecordBatch batch)
    {
        lock (_gate)
        {
            _free.Push(batch);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Stops the parse threads (each finishes the batch it is on) and waits for them.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var thread in _threads)
        {
            if (thread.ManagedThreadId != Environment.CurrentManagedThreadId) thread.Join();
        }

        foreach (var parser in _parsers) parser.Dispose();
    }

    private void Work(object? state)
    {
        var parser = (CaseReader)state!;
        while (true)
        {
            RecordBatch batch;
            lock (_gate)
            {
                while (!_stopping && !_ended && _free.Count == 0) Monitor.Wait(_gate);
                if (_stopping || _ended) return;
                batch = _free.Pop();
            }

            Process(batch, parser);
        }
    }

    /// <summary>Takes the next lines into the batch, parses them and hands the batch over (or back, when the input has ended).</summary>
    private void Process(RecordBatch batch, CaseReader parser)
    {
        if (Fill(batch)) Parse(batch, parser);
        lock (_gate)
        {
            if (batch.Count > 0 || batch.IsLast) _ready[(int)(batch.Sequence % _ready.Length)] = batch;
            else _free.Push(batch);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Takes the next lines into the batch and numbers it; false when the input had already ended.</summary>
    private bool Fill(RecordBatch batch)
    {
        batch.Clear();
        lock (_splitLock)
        {
            if (_ended) return false;
            batch.Sequence = _nextToNumber++;
            try
            {
                while (batch.HasRoom)
                {
                    var kind = _lines.Next(out var line, out var lineNumber);
                    if (kind == LineKind.End)
                    {
                        batch.IsLast = true;
                        break;
                    }

                    if (kind == LineKind.Line && CaseReader.IsBlank(line)) continue;
                    batch.Add(kind, line, lineNumber);
                }
            }
            catch (Exception e)
            {
                batch.Fault = ExceptionDispatchInfo.Capture(e);
                batch.IsLast = true;
            }

            batch.BytesRead = _lines.BytesRead;
            if (batch.IsLast) _ended = true;
            return true;
        }
    }

    private void Parse(RecordBatch batch, CaseReader parser)
    {
        var i = 0;
        try
        {
            for (; i < batch.Count; i++)
            {
                batch.IsRecord[i] = parser.ParseLine(batch.Kinds[i], batch.Line(i), batch.LineNumbers[i], batch.Record(i));
            }
        }
        catch (Exception e)
        {
            batch.Count = i;
            batch.Fault = ExceptionDispatchInfo.Capture(e);
            batch.IsLast = true;
            lock (_splitLock) _ended = true;
        }
    }
}
