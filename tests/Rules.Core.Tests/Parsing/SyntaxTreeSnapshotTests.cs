using Rules.Core.Syntax;
using Rules.Core.Tests.Support;
using Rules.Testing;

namespace Rules.Core.Tests.Parsing;

/// <summary>Baselines of the full-fidelity trees of small inputs, including how recovery shapes erroneous ones.</summary>
public class SyntaxTreeSnapshotTests
{
    public static TheoryData<string> Names => [.. Inputs.Keys];

    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["answer-set-with-comments"] = """
            // Yes or no
            answers YesNo { /* options */
              yes "Yes" positive // the good one
              no  "No"
            }
            """,
        ["key-question-with-when"] = """
            key_question 2.4.3 "Safety?" : YesNo
              when case.harm_indicators and not (2.4.1.c in {none, should})
            {
              prompt a "Victims?" : YesNo
            }
            """,
        ["aggregates-and-comparisons"] = """
            signal "s" when 2.4.1 == yes and none(2.4.1.* is positive) or count(2.4.1.* == no) >= 2 and case.age < 18.5
            """,
        ["test-block"] = """
            test "t" {
              case    { type: community, age: 30, reqs: {rar, unpaid_work}, harm: false }
              answers { 2.4.1: yes, 2.4.1.a: none }
              expect 2.4.1.d not applicable
              expect signal "x"
              expect valid
            }
            """,
        ["missing-open-brace"] = """
            answers YesNo
              yes "Yes" positive
              no "No"
            }
            scale Rating {
              good "Good" score 1 from 0%
            }
            """,
        ["missing-colon"] = """
            domain 1 "D" {
              standard 1.1 "S" {
                rated by inspector
                key_question 1.1.1 "Q" YesNo
                key_question 1.1.2 "R" : YesNo
              }
            }
            """,
        ["unterminated-string"] = """
            answers YesNo {
              yes "Yes positive
              no "No"
            }
            """,
        ["garbage-line"] = """
            answers YesNo {
              yes "Yes" positive
              %$# !! garbage here
              no "No"
            }
            """,
        ["missing-close-brace-before-next-declaration"] = """
            answers YesNo {
              yes "Yes" positive
              no "No"
            scale Rating {
              good "Good" score 1 from 0%
            }
            """,
        ["missing-close-parenthesis"] = """
            check "c" when (case.age > 3 and case.harm
            check "d" when case.harm
            """,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Tree(string name)
    {
        var text = Inputs[name];
        var tree = SyntaxTree.Parse(text, name + ".rules");
        Assert.Equal(text, tree.Root.ToString());
        Snapshot.Verify(TreePrinter.Print(tree), name);
    }
}
