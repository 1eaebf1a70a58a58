using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests;

public class DocumentSnapshotTests
{
    private static DocumentSnapshot Document(string text) => new("file:///a.rules", "rules", 1, text);

    private static TextDocumentContentChangeEvent Replace(int startLine, int startCharacter, int endLine, int endCharacter, string text) =>
        new(text, Range.Create(startLine, startCharacter, endLine, endCharacter));

    [Fact]
    public void Applies_incremental_changes_in_order()
    {
        var document = Document("prompt a \"x\" : YesNo\n");
        var changed = document.WithChanges([
            Replace(0, 15, 0, 20, "Answers"),   // prompt a "x" : Answers
            Replace(0, 9, 0, 12, "“Tell me”"),  // positions after the first change
            Replace(1, 0, 1, 0, "// end"),
        ], 2);
        Assert.Equal("prompt a “Tell me” : Answers\n// end", changed.Text);
        Assert.Equal(2, changed.Version);
        Assert.Equal("prompt a \"x\" : YesNo\n", document.Text);
    }

    [Fact]
    public void Ranges_count_utf16_units_after_non_bmp_characters()
    {
        var document = Document("a 😀 b\r\n𝒳𝒴 c");
        var changed = document.WithChanges([
            Replace(0, 5, 0, 6, "B"),      // 'b' is at character 5: 😀 takes two units
            Replace(1, 4, 1, 6, "!"),      // ' c' after two surrogate pairs
            Replace(1, 2, 1, 4, ""),       // delete 𝒴 (a whole pair)
        ], 3);
        Assert.Equal("a 😀 B\r\n𝒳!", changed.Text);
    }

    [Fact]
    public void Deletes_across_crlf_line_breaks()
    {
        var changed = Document("one\r\ntwo\r\nthree").WithChanges([Replace(0, 3, 2, 0, " ")], 2);
        Assert.Equal("one three", changed.Text);
    }

    [Fact]
    public void A_change_without_range_replaces_the_whole_text_and_later_ranges_apply_to_it()
    {
        var changed = Document("old").WithChanges([new TextDocumentContentChangeEvent("new text"), Replace(0, 0, 0, 3, "NEW")], 2);
        Assert.Equal("NEW text", changed.Text);
        Assert.Equal(new Position(0, 8), changed.GetPosition(changed.Text.Length));
    }

    [Fact]
    public void Out_of_range_changes_are_clamped_to_the_text()
    {
        var changed = Document("abc\ndef").WithChanges([Replace(1, 1, 9, 9, "!"), Replace(0, 99, 0, 99, "?")], 2);
        Assert.Equal("abc?\nd!", changed.Text);
    }

    [Fact]
    public void The_store_opens_changes_and_closes_documents()
    {
        var store = new DocumentStore();
        store.Open(new TextDocumentItem("file:///a", "rules", 1, "x"));
        Assert.Equal("xy", store.Change(new VersionedTextDocumentIdentifier("file:///a", 2), [Replace(0, 1, 0, 1, "y")])!.Text);
        Assert.Null(store.Change(new VersionedTextDocumentIdentifier("file:///b", 2), []));
        Assert.Equal(2, store.Get("file:///a")!.Version);
        Assert.Single(store.All);
        Assert.NotNull(store.Close("file:///a"));
        Assert.Null(store.Close("file:///a"));
        Assert.Null(store.Get("file:///a"));
    }
}
