using System.Diagnostics.Tracing;

namespace Rules.Benchmarks;

/// <summary>
/// Which types a piece of work allocates, from the runtime's allocation-tick events (one per
/// ~100 KB allocated, naming the type of the object that crossed the mark): a rough allocation
/// profile without an external profiler.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _recording;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
        var index = eventData.PayloadNames?.IndexOf("TypeName") ?? -1;
        var amountIndex = eventData.PayloadNames?.IndexOf("AllocationAmount") ?? -1;
        if (index < 0 || eventData.Payload is null) return;
        var type = eventData.Payload[index] as string ?? "?";
        // Large objects (85,000 bytes or more) are marked: what a check allocates there counts towards the budget
        // whose overrun starts a full collection.
        var kindIndex = eventData.PayloadNames?.IndexOf("AllocationKind") ?? -1;
        if (kindIndex >= 0 && Convert.ToInt32(eventData.Payload[kindIndex], System.Globalization.CultureInfo.InvariantCulture) == 1) type = "[large] " + type;
        var amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_gate) _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
    }

    public IReadOnlyList<(string Type, long Bytes)> Record(Action action)
    {
        lock (_gate) _bytesByType.Clear();
        _recording = true;
        action();
        _recording = false;
        Thread.Sleep(200); // events arrive on another thread
        lock (_gate) return [.. _bytesByType.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value))];
    }
}
