using System.CommandLine;
using System.Text;
using Rules.Core.Formatting;
using Rules.Core.Syntax;
using Rules.Core.Text;

namespace Rules.Cli.Commands;

/// <summary><c>rules fmt PATH... [--check]</c>: rewrites files in the canonical layout.</summary>
internal static class FormatCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Folders or .rules files to format", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Only report files that need formatting; change nothing" };
        var command = new Command("fmt", "Rewrite rule files in the canonical layout") { paths, check };
        command.SetAction(result => Run(context, result.GetValue(paths)!, result.GetValue(check)));
        return command;
    }

    public static int Run(CliContext context, string[] paths, bool check)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            var full = context.FullPath(path);
            if (context.FileSystem.FileExists(full)) files.Add(full);
            else if (context.FileSystem.DirectoryExists(full)) files.AddRange(context.FileSystem.EnumerateRuleFiles(full));
            else
            {
                context.Error.WriteLine(context.CannotFind(path, "fmt"));
                return ExitCodes.CannotRun;
            }
        }
        var problems = 0;
        var changed = 0;
        foreach (var file in files.Distinct())
        {
            string text;
            try
            {
                text = context.FileSystem.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"rules: cannot read '{context.DisplayPath(file)}': {e.Message}");
                return ExitCodes.CannotRun;
            }
            var tree = SyntaxTree.Parse(new SourceText(text, file));
            var formatted = Formatter.Format(tree);
            if (formatted is null)
            {
                var first = tree.Diagnostics.First(d => d.IsError);
                var at = first.Location.LineSpan.Start;
                context.Out.WriteLine($"{context.DisplayPath(file)}({at.Line + 1},{at.Character + 1}): not formatted: it has syntax errors ({first.Id}: {first.Message})");
                problems++;
                continue;
            }
            if (formatted == text) continue;
            changed++;
            if (check)
            {
                context.Out.WriteLine($"{context.DisplayPath(file)}: needs formatting");
                continue;
            }
            try
            {
                File.WriteAllText(file, formatted, new UTF8Encoding(false));
                context.Out.WriteLine($"{context.DisplayPath(file)}: formatted");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"rules: cannot write '{context.DisplayPath(file)}': {e.Message}");
                return ExitCodes.CannotRun;
            }
        }
        if (check && changed == 0 && problems == 0) context.Out.WriteLine($"{files.Count} file{(files.Count == 1 ? "" : "s")} already formatted.");
        return problems > 0 || (check && changed > 0) ? ExitCodes.Problems : ExitCodes.Success;
    }
}
