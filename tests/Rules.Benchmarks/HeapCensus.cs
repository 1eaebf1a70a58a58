using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Rules.Core.Workspace;

namespace Rules.Benchmarks;

/// <summary>
/// `census [lines]`: what a check keeps alive, by type — every object reachable from a fresh check's compilations,
/// found by walking fields with reflection, with its size estimated from its fields (header, references, values,
/// padding). What a collection during a check has to mark and copy; the estimate is within a few percent of
/// <c>GC.GetTotalMemory</c>'s figure.
/// </summary>
public static class HeapCensus
{
    public static int Run(TextWriter output, IReadOnlyList<string> arguments)
    {
        var lines = arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 10_000;
        var framework = FrameworkGenerator.ForLines(lines);
        var fileSystem = Pipeline.FileSystemFor(framework);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var compilations = new RulesWorkspace(fileSystem).CompileAll(Pipeline.WorkspaceRoot);
        var live = GC.GetTotalMemory(forceFullCollection: true) - before;

        var census = new Census();
        census.Walk(compilations);
        // The generated text is the input, held by the test's file system too: counted, but shown apart.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{framework.Lines:N0} lines: {census.Objects:N0} objects, {census.References:N0} references, ~{census.Bytes / 1048576.0:F1} MB reachable from the compilations (GC.GetTotalMemory: {live / 1048576.0:F1} MB new)"));
        output.WriteLine();
        output.WriteLine("| type | objects | MB | references |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (type, entry) in census.ByType.OrderByDescending(e => e.Value.Bytes).Take(arguments.Count > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 30))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Name(type)} | {entry.Objects:N0} | {entry.Bytes / 1048576.0:F2} | {entry.References:N0} |"));
        GC.KeepAlive(compilations);
        return 0;
    }

    private static string Name(Type type)
    {
        if (type.IsArray) return Name(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        var name = tick < 0 ? type.Name : type.Name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }

    private sealed class Entry
    {
        public long Objects;
        public long Bytes;
        public long References;
    }

    private sealed class Census
    {
        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<object> _pending = new();
        private readonly Dictionary<Type, FieldInfo[]> _fields = [];
        private readonly Dictionary<Type, int> _sizes = [];

        public Dictionary<Type, Entry> ByType { get; } = [];
        public long Objects { get; private set; }
        public long Bytes { get; private set; }
        public long References { get; private set; }

        public void Walk(object root)
        {
            Visit(root);
            while (_pending.Count > 0) Scan(_pending.Pop());
        }

        private void Visit(object? value)
        {
            if (value is null || value is Type || value is Delegate { Target: null } || value is MemberInfo) return;
            if (_seen.Add(value)) _pending.Push(value);
        }

        private void Scan(object value)
        {
            var type = value.GetType();
            long bytes;
            long references = 0;
            if (value is string s) bytes = Align(22 + 2L * s.Length);
            else if (value is Array array)
            {
                var element = type.GetElementType()!;
                bytes = Align(24 + (long)array.Length * SizeOf(element));
                if (!element.IsValueType)
                {
                    foreach (var item in array) { if (item is not null) references++; Visit(item); }
                }
                else if (HasReferences(element))
                {
                    foreach (var item in array) references += ScanValue(item);
                }
            }
            else
            {
                bytes = Math.Max(24, Align(16 + FieldBytes(type)));
                references += ScanFields(value, type);
            }
            Objects++;
            Bytes += bytes;
            References += references;
            if (!ByType.TryGetValue(type, out var entry)) ByType[type] = entry = new Entry();
            entry.Objects++;
            entry.Bytes += bytes;
            entry.References += references;
        }

        private long ScanFields(object value, Type type)
        {
            long references = 0;
            foreach (var field in Fields(type))
            {
                var fieldValue = field.GetValue(value);
                if (!field.FieldType.IsValueType) { if (fieldValue is not null) references++; Visit(fieldValue); }
                else if (fieldValue is not null && HasReferences(field.FieldType)) references += ScanValue(fieldValue);
            }
            return references;
        }

        // A struct held in a field or an array element: its own reference fields.
        private long ScanValue(object? boxed) => boxed is null ? 0 : ScanFields(boxed, boxed.GetType());

        private FieldInfo[] Fields(Type type)
        {
            if (_fields.TryGetValue(type, out var fields)) return fields;
            var list = new List<FieldInfo>();
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                list.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            return _fields[type] = [.. list];
        }

        private long FieldBytes(Type type) => Fields(type).Sum(f => (long)SizeOf(f.FieldType));

        private int SizeOf(Type type)
        {
            if (!type.IsValueType) return 8;
            if (_sizes.TryGetValue(type, out var size)) return size;
            size = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
            return _sizes[type] = size;
        }

        private bool HasReferences(Type valueType) =>
            (bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!.MakeGenericMethod(valueType).Invoke(null, null)!;

        private static long Align(long bytes) => (bytes + 7) & ~7L;
    }
}
