using System.Text;
using Rules.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return CliApp.Run(args, CliContext.ForConsole());
