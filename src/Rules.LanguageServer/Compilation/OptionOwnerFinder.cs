using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.LanguageServer.Compilation;

/// <summary>The answer set whose options may be written at a token: right of <c>REF ==</c>/<c>REF !=</c>,
/// inside <c>REF in {…}</c>, or after <c>REF:</c> in a test's answers.</summary>
public static class OptionOwnerFinder
{
    public static QuestionSymbol? QuestionFor(TokenIndex index, int offset, SemanticModel model)
    {
        var i = index.IndexAt(offset);
        if (i < 0) return null;
        var previous = index.At(i - 1);
        if (previous?.Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.BangEqualsToken or SyntaxKind.ColonToken)
            return Question(index.At(i - 2), model);
        for (var j = i - 1; j >= 1; j--)
        {
            var token = index.Tokens[j];
            if (token.Kind is SyntaxKind.IdentifierToken or SyntaxKind.CommaToken) continue;
            if (token.Kind == SyntaxKind.OpenBraceToken && index.Tokens[j - 1].IsKeyword("in")) return Question(index.At(j - 2), model);
            break;
        }
        return null;
    }

    private static QuestionSymbol? Question(SyntaxToken? token, SemanticModel model) =>
        token is { Kind: SyntaxKind.CodeToken } code ? model.FindQuestion(code.Text) : null;
}
