using Rules.Core.Parsing;
using Rules.Core.Syntax;
using Rules.Core.Tests.Fuzzing;
using Rules.Core.Tests.Support;
using Rules.Core.Text;

namespace Rules.Core.Tests.Parsing;

/// <summary>
/// A workspace's parses share token streams (their Sprache inputs are made once): a file parsed after others must
/// give exactly the tree and diagnostics it gives parsed alone, whatever came before it.
/// </summary>
public class ParseBuffersTests
{
    private static readonly string Nested = "check \"c\" when " + new string('(', 150) + "1.1.1 == yes" + new string(')', 150) + "\n";

    private const string WithRecovery = """
        answers YesNo {
          yes "Yes" positive
          no "No"
        }
        scale S {
          good "Good" scor 2 from 65
        }
        domain 1 "D" {
          standard 1.1 "S" {
            key_question 1.1.1 "Q" YesNo {
              prompt a "P" : YesNo when 1.1.1 == = yes
            }
        """;

    [Fact]
    public void AFileParsedAfterOthersGivesTheTreeItGivesAlone()
    {
        // The mended text after the one with the slip: a word where the slip was, which must not be reported again.
        var texts = new List<string> { Nested, WithRecovery, WithRecovery.Replace("scor 2", "score 2", StringComparison.Ordinal), "" };
        var rules = Path.Combine(TestPaths.RepositoryRoot(), "rules");
        var files = Directory.EnumerateFiles(rules, "*.rules", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        texts.AddRange(files.Select(File.ReadAllText));
        var mutator = new Mutator(new Random(4242));
        for (var i = 0; i < 150; i++) texts.Add(mutator.Mutate(texts[4 + i % files.Count]));
        texts.Add(Nested); // after large files: the stream holds more inputs than this file needs
        texts.Add(WithRecovery);

        var buffers = new ParseBuffers();
        for (var i = 0; i < texts.Count; i++)
        {
            var alone = TreePrinter.Print(SyntaxTree.Parse(new SourceText(texts[i], "f.rules")));
            var shared = SyntaxTree.Parse(new SourceText(texts[i], "f.rules"), buffers);
            Assert.True(alone == TreePrinter.Print(shared), $"text {i} parsed after others differs from parsed alone");
            Assert.Equal(texts[i], shared.Root.ToString());
        }
    }

    [Fact]
    public void AStreamGivenBackKeepsNoTreeAlive()
    {
        var buffers = new ParseBuffers();
        var weak = ParseAndForget(buffers);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(weak.TryGetTarget(out _));
    }

    // The root, not the tree: nodes do not refer to their SyntaxTree, so only the nodes say whether a tree is kept.
    private static WeakReference<CompilationUnitSyntax> ParseAndForget(ParseBuffers buffers) =>
        new(SyntaxTree.Parse(new SourceText(WithRecovery, "f.rules"), buffers).Root);
}
