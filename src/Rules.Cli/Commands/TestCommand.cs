using System.CommandLine;
using Rules.Cli.Output;
using Rules.Core.Diagnostics;
using Rules.Core.Testing;

namespace Rules.Cli.Commands;

/// <summary><c>rules test PATH...</c>: runs the test blocks; the last line is "N passed, N failed".</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Framework folders or .rules files whose tests to run", Arity = ArgumentArity.OneOrMore };
        var command = new Command("test", "Run the test blocks of frameworks") { paths };
        command.SetAction(result => Run(context, result.GetValue(paths)!));
        return command;
    }

    public static int Run(CliContext context, string[] paths)
    {
        var compilations = WorkspaceLoader.Load(context, paths, "test", holdCollector: true);
        if (compilations is null) return ExitCodes.CannotRun;
        int passed = 0, failed = 0;
        var broken = false;
        foreach (var compilation in compilations)
        {
            var errors = compilation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                // Tests of a framework that does not compile would test the wrong thing.
                broken = true;
                foreach (var e in errors) context.Out.WriteLine(DiagnosticWriter.Text(e, context.DisplayPath));
                var count = compilation.Model.Tests.Length;
                if (count > 0)
                    context.Out.WriteLine($"{context.DisplayPath(compilation.Project.DisplayName)}: {count} test{(count == 1 ? "" : "s")} not run because the framework has errors.");
                failed += count;
                continue;
            }
            foreach (var result in TestRunner.Run(compilation.Model))
            {
                if (result.Passed)
                {
                    passed++;
                    context.Out.WriteLine($"PASS {result.Test.Name}");
                }
                else
                {
                    failed++;
                    context.Out.WriteLine($"FAIL {result.Test.Name}");
                    foreach (var f in result.Failures) context.Out.WriteLine("  " + DiagnosticWriter.Text(f, context.DisplayPath));
                }
            }
        }
        context.Out.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 || broken ? ExitCodes.Problems : ExitCodes.Success;
    }
}
