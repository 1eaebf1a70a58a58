using System.CommandLine;
using Rules.Cli.Commands;
using Rules.Core.Diagnostics;

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
        if (UnknownCommand(root, args) is { } problem)
        {
            // System.CommandLine would list "command was not provided" and every argument as unrecognised.
            context.Error.WriteLine($"rules: {problem}");
            context.Error.WriteLine("Run 'rules --help' for usage.");
            return ExitCodes.CannotRun;
        }
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) context.Error.WriteLine($"rules: {error.Message}");
            context.Error.WriteLine("Run 'rules --help' for usage.");
            return ExitCodes.CannotRun;
        }
        return result.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }

    /// <summary>What is wrong when the first argument is not a command (nor an option such as --help), or null.</summary>
    private static string? UnknownCommand(RootCommand root, string[] args)
    {
        var commands = root.Subcommands.Select(c => c.Name).ToList();
        var list = string.Join(", ", commands);
        if (args.Length == 0) return $"no command given; the commands are {list}.";
        var first = args[0];
        if (first.StartsWith('-') || commands.Contains(first)) return null;
        var nearest = Suggestions.Nearest(first, commands);
        return nearest is null
            ? $"'{first}' is not a command; the commands are {list}."
            : $"'{first}' is not a command; did you mean '{nearest}'? The commands are {list}.";
    }
}
