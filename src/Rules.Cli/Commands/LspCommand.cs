using System.CommandLine;
using Rules.LanguageServer;

namespace Rules.Cli.Commands;

/// <summary><c>rules lsp</c>: the language server over standard input and output.</summary>
internal static class LspCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("lsp", "Run the language server over standard input and output (for editors)");
        command.SetAction((_, ct) => LanguageServerProgram.RunAsync(
            Console.OpenStandardInput(), Console.OpenStandardOutput(), context.Error, ct));
        return command;
    }
}
