using System.Collections.Immutable;
using Rules.Core.Syntax;
using Rules.LanguageServer.Documents;
using Lsp = Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Compilation;

/// <summary>The outline of one file from its syntax: domain › standard › key question › prompt, plus the
/// framework, scales with levels, answer sets with options, case fields, breakdowns, tests, checks and signals.</summary>
public static class DocumentOutline
{
    public static ImmutableArray<Lsp.DocumentSymbol> Build(SyntaxTree tree, DocumentSnapshot document) =>
        [.. tree.Root.Declarations.SelectMany(d => Of(d, document, null))];

    private static IEnumerable<Lsp.DocumentSymbol> Of(DeclarationSyntax declaration, DocumentSnapshot document, string? parentCode)
    {
        Lsp.DocumentSymbol Make(string name, Lsp.SymbolKind kind, SyntaxToken selection, string? detail, IEnumerable<Lsp.DocumentSymbol>? children = null)
        {
            var range = document.GetRange(declaration.Span.Start, declaration.Span.End);
            var selectionRange = selection.IsMissing ? document.GetRange(declaration.Span.Start, declaration.Span.Start) : document.GetRange(selection.Span.Start, selection.Span.End);
            var list = children?.ToImmutableArray();
            return new Lsp.DocumentSymbol(name.Length == 0 ? "?" : name, kind, range, selectionRange, detail, list is { IsEmpty: false } ? list : null);
        }

        IEnumerable<Lsp.DocumentSymbol> Members(BlockSyntax? body, string? code) =>
            body is null ? [] : body.Members.SelectMany(m => Of(m, document, code));

        switch (declaration)
        {
            case FrameworkDeclarationSyntax framework:
                yield return Make(framework.Name.ValueText, Lsp.SymbolKind.Package, framework.Name, "framework");
                break;
            case ScaleDeclarationSyntax scale:
                yield return Make(scale.Name.Text, Lsp.SymbolKind.Enum, scale.Name, "scale", Members(scale.Body, null));
                break;
            case ScaleLevelSyntax level:
                yield return Make(level.Name.Text, Lsp.SymbolKind.EnumMember, level.Name, level.Label.ValueText);
                break;
            case CaseDeclarationSyntax caseDeclaration:
                yield return Make("case", Lsp.SymbolKind.Struct, caseDeclaration.Keyword, "case fields", Members(caseDeclaration.Body, null));
                break;
            case CaseFieldSyntax field:
                yield return Make(field.Name.Text, Lsp.SymbolKind.Field, field.Name, field.Label.ValueText);
                break;
            case AnswerSetDeclarationSyntax set:
                yield return Make(set.Name.Text, Lsp.SymbolKind.Enum, set.Name, "answer set", Members(set.Body, null));
                break;
            case AnswerOptionSyntax option:
                yield return Make(option.Name.Text, Lsp.SymbolKind.EnumMember, option.Name, option.Label.ValueText);
                break;
            case DomainDeclarationSyntax domain:
                yield return Make($"{domain.Number.Text} {domain.Title.ValueText}", Lsp.SymbolKind.Namespace, domain.Number, "domain", Members(domain.Body, domain.Number.Text));
                break;
            case StandardDeclarationSyntax standard:
                yield return Make($"{standard.Code.Text} {standard.Title.ValueText}", Lsp.SymbolKind.Class, standard.Code, "standard", Members(standard.Body, standard.Code.Text));
                break;
            case KeyQuestionDeclarationSyntax keyQuestion:
                yield return Make($"{keyQuestion.Code.Text} {keyQuestion.Text.ValueText}", Lsp.SymbolKind.Method, keyQuestion.Code, "key question", Members(keyQuestion.Body, keyQuestion.Code.Text));
                break;
            case PromptDeclarationSyntax prompt:
                yield return Make($"{parentCode}.{prompt.Letter.Text} {prompt.Text.ValueText}", Lsp.SymbolKind.Property, prompt.Letter, "prompt", Members(prompt.Body, null));
                break;
            case CheckDeclarationSyntax check:
                yield return Make(check.Message.ValueText, Lsp.SymbolKind.Event, check.Message, check.IsSignal ? "signal" : "check");
                break;
            case BreakdownDeclarationSyntax breakdown:
                yield return Make(breakdown.Name.Text, Lsp.SymbolKind.Array, breakdown.Name, breakdown.Title.ValueText);
                break;
            case TestDeclarationSyntax test:
                yield return Make(test.Name.ValueText, Lsp.SymbolKind.Function, test.Name, "test");
                break;
        }
    }

    /// <summary>The outline flattened, each symbol with the name of its container.</summary>
    public static IEnumerable<(Lsp.DocumentSymbol Symbol, string? Container)> Flatten(IEnumerable<Lsp.DocumentSymbol> symbols, string? container = null)
    {
        foreach (var symbol in symbols)
        {
            yield return (symbol, container);
            foreach (var child in Flatten(symbol.Children ?? [], symbol.Name)) yield return child;
        }
    }
}
