using System.Collections.Immutable;
using System.Text;
using Rules.Core.Diagnostics;
using Rules.Core.Text;
using Rules.Core.Workspace;

namespace Rules.Core.Tests.Support;

/// <summary>Compiles rule text held in memory under a workspace root <c>/ws</c>.</summary>
internal static class Rules
{
    public const string Root = "/ws";
    public const string MainPath = "/ws/fw/main.rules";

    /// <summary>A small framework that checks clean; tests append declarations to it.</summary>
    public const string Framework = """
        framework "F" {
          version "1"
          scale Rating
          overall {
            good from 1
            poor from 0
          }
        }

        scale Rating {
          good "Good" score 1 from 50%
          poor "Poor" score 0 from 0%
        }

        answers YesNo {
          yes "Yes" positive
          no  "No"
        }

        case {
          age   "Age"   : number
          harm  "Harm"  : boolean
          type  "Type"  : community | custody
          reqs  "Reqs"  : set of rar | unpaid_work
        }

        """;

    /// <summary>The framework plus one rated standard with key question 1.1.1 (prompts a, b).</summary>
    public const string FrameworkWithStandard = Framework + """
        domain 1 "D" {
          standard 1.1 "S" {
            summary "Sum"
            rated by lowest key_question
            key_question 1.1.1 "Q" : YesNo {
              prompt a "A" : YesNo
              prompt b "B" : YesNo
            }
          }
        }

        """;

    public static InMemoryFileSystem FileSystem(params (string Path, string Text)[] files)
    {
        var dict = ImmutableDictionary.CreateBuilder<string, string>();
        dict[Root + "/rules.json"] = "{}";
        foreach (var (path, text) in files) dict[path] = text;
        return new InMemoryFileSystem(dict.ToImmutable());
    }

    /// <summary>Where <see cref="ProbationFiles"/> puts rules/probation-2021.</summary>
    public const string ProbationFolder = Root + "/p21";

    /// <summary>The repository's probation-2021 framework in memory, under <see cref="ProbationFolder"/>.</summary>
    public static InMemoryFileSystem ProbationFiles()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot(), "rules", "probation-2021");
        var files = ImmutableDictionary.CreateBuilder<string, string>();
        files[Root + "/rules.json"] = "{}";
        foreach (var file in Directory.EnumerateFiles(folder, "*.rules", SearchOption.AllDirectories))
            files[ProbationFolder + "/" + Path.GetRelativePath(folder, file).Replace('\\', '/')] = File.ReadAllText(file);
        return new InMemoryFileSystem(files.ToImmutable());
    }

    /// <summary>Compiles every framework and library under /ws.</summary>
    public static ImmutableArray<FrameworkCompilation> CompileAll(params (string Path, string Text)[] files) =>
        new RulesWorkspace(FileSystem(files)).CompileAll(Root);

    /// <summary>Compiles one file as the framework's only file.</summary>
    public static FrameworkCompilation Compile(string text, params (string Path, string Text)[] others)
    {
        var workspace = new RulesWorkspace(FileSystem([(MainPath, text), .. others]));
        var project = workspace.Discover(MainPath).Single();
        return workspace.Compile(project);
    }

    public static ImmutableArray<Diagnostic> AllDiagnostics(IEnumerable<FrameworkCompilation> compilations) =>
        [.. compilations.SelectMany(c => c.Diagnostics).Distinct()];

    /// <summary>"path(line,col)-(endLine,endCol): severity ID: message", 1-based.</summary>
    public static string Format(Diagnostic d)
    {
        var span = d.Location.LineSpan;
        return $"{d.Location.Path}({span.Start.Line + 1},{span.Start.Character + 1})-({span.End.Line + 1},{span.End.Character + 1}): " +
               $"{d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.Message}";
    }

    public static string Dump(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(Format));
}

/// <summary>Source text with one or more spans marked <c>[|...|]</c>.</summary>
internal sealed record MarkedText(string Text, ImmutableArray<TextSpan> Spans)
{
    public static MarkedText Parse(string marked)
    {
        var text = new StringBuilder();
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var starts = new Stack<int>();
        for (var i = 0; i < marked.Length; i++)
        {
            if (i + 1 < marked.Length && marked[i] == '[' && marked[i + 1] == '|') { starts.Push(text.Length); i++; continue; }
            if (i + 1 < marked.Length && marked[i] == '|' && marked[i + 1] == ']') { spans.Add(TextSpan.FromBounds(starts.Pop(), text.Length)); i++; continue; }
            text.Append(marked[i]);
        }
        if (starts.Count != 0) throw new ArgumentException("Unbalanced [| |] markers.");
        return new MarkedText(text.ToString(), spans.ToImmutable());
    }
}
