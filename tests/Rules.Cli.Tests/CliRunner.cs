using Rules.Cli.Memory;
using Rules.Core.Workspace;

namespace Rules.Cli.Tests;

/// <summary>Runs the CLI in process against a temporary folder of rule files.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Root = Path.Combine(Path.GetTempPath(), "rules-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "rules.json"), "{}");
    }

    public string Root { get; }

    public CliRunner With(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public (int Exit, string Out, string Error) Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs with a way of holding the collector off, as the console's context has.</summary>
    public (int Exit, string Out, string Error) RunWith(ICollectorPause? collectorPause, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, new PhysicalFileSystem(), PathUtil.Normalize(Root)) { CollectorPause = collectorPause };
        var exit = CliApp.Run(args, context);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
