using System.CommandLine;
using Rules.Cli.Commands;

namespace Rules.Cli;

/// <summary>The <c>rules</c> command line: builds the commands and runs one.</summary>
public static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Inspection rules: check, test and format standards frameworks; evaluate case assessments.");
        root.Add(CheckCommand.Create(context));
        root.Add(TestCommand.Create(context));
        root.Add(FormatCommand.Create(context));
        root.Add(EvaluateCommand.Create(context));
        root.Add(ExplainCommand.Create(context));
        root.Add(LspCommand.Create(context));
        return root;
    }

    public static int Run(string[] args, CliContext context)
    {
        var root = Build(context);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) context.Error.WriteLine($"rules: {error.Message}");
            context.Error.WriteLine("Run 'rules --help' for usage.");
            return ExitCodes.CannotRun;
        }
        return result.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }
}
