using Rules.Core.Workspace;
using Rules.Engine.Hosting;

namespace Rules.Engine.Tests.Hosting;

public sealed class FrameworkHostTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rules-host-" + Guid.NewGuid().ToString("N"));

    public FrameworkHostTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "fw"));
        File.WriteAllText(Path.Combine(_root, "rules.json"), "{}");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static string Framework(string version, string option = "yes") => $$"""
        framework "Host" {
          version "{{version}}"
          scale Rating
          overall {
            good from 0
          }
        }
        scale Rating {
          good "Good" score 2 from 0%
        }
        answers YesNo {
          {{option}} "Yes" positive
          no "No"
        }
        domain 1 "Leadership" {
          standard 1.1 "Vision" {
            rated by lowest key_question
            key_question 1.1.1 "Is there a vision?" : YesNo
          }
        }
        """;

    private FrameworkHost Host() => new(new PhysicalFileSystem(), PathUtil.Normalize(Path.Combine(_root, "fw")));

    private void Write(string text) => File.WriteAllText(Path.Combine(_root, "fw", "framework.rules"), text);

    [Fact]
    public void ReloadTakesUpAGoodChangeAndKeepsTheLastGoodVersionOnErrors()
    {
        Write(Framework("1"));
        var host = Host();
        Assert.Null(host.Current);
        var first = host.Reload();
        Assert.True(first.Accepted, first.Problem);
        Assert.Equal("1", host.Current!.Compilation.Model.Framework!.Version);
        Assert.Equal(1, host.Current.Generation);

        Write(Framework("2") + "\nthis is not a declaration\n");
        var broken = host.Reload();
        Assert.False(broken.Accepted);
        Assert.Contains(broken.Diagnostics, d => d.Severity == Rules.Core.Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal("1", host.Current!.Compilation.Model.Framework!.Version);
        Assert.Same(first.Current, broken.Current);

        Write(Framework("3"));
        var fixedAgain = host.Reload();
        Assert.True(fixedAgain.Accepted);
        Assert.Equal("3", host.Current!.Compilation.Model.Framework!.Version);
        Assert.Equal(2, host.Current.Generation);
    }

    [Fact]
    public void FolderWithoutAFrameworkIsRefusedWithAMessage()
    {
        var host = Host();
        var reload = host.Reload();
        Assert.False(reload.Accepted);
        Assert.Null(reload.Current);
        Assert.Contains("holds no framework", reload.Problem);
    }
}
