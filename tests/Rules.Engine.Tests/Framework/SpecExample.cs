using Rules.Core.Semantics;
using Rules.Core.Workspace;

namespace Rules.Engine.Tests.Framework;

/// <summary>LANGUAGE.md's example framework, compiled by Rules.Core from memory.</summary>
internal static class SpecExample
{
    public const string Source = """"
        framework "Probation inspection: implementation and delivery (excerpt)" {
          version "2021.2"
          scale Rating
          overall {
            outstanding          from 3
            good                 from 2
            requires_improvement from 1
            inadequate           from 0
          }
        }

        scale Rating {
          outstanding          "Outstanding"          score 3 from 80%
          good                 "Good"                 score 2 from 65%
          requires_improvement "Requires improvement" score 1 from 50%
          inadequate           "Inadequate"           score 0 from 0%
        }

        case {
          type            "Type of case"                          : community | post_release
          rosh            "Risk of serious harm"                  : low | medium | high | very_high
          reoffending     "Likelihood of reoffending"             : low | medium | high | very_high
          age             "Age"                                   : number
          harm_indicators "There are indicators of risk of harm"  : boolean
          requirements    "Requirements of the order"             : set of unpaid_work | rar | accredited_programme
        }

        answers YesNo {
          yes "Yes" positive
          no  "No"
        }

        answers StartedPromptly {
          yes           "Yes" positive
          should        "No, and should have done"
          noncompliance "No, due to non-compliance"
        }

        answers NonComplianceRisks {
          yes    "Yes" positive
          should "No, and should have been"
          none   "There were no risks of non-compliance" not_applicable
        }

        domain 2 "Case supervision" {
          standard 2.4 "Implementation and delivery" {
            summary "High-quality, well-focused, personalised and coordinated services are delivered, engaging the person on probation."
            rated by lowest key_question

            key_question 2.4.1 "Is the sentence or post-custody period implemented effectively with a focus on engaging the person on probation?" : YesNo {
              prompt a "Do the requirements of the sentence start promptly, or at an appropriate time?" : StartedPromptly
              prompt b "Is sufficient focus given to maintaining an effective working relationship with the person on probation, taking into account their diversity needs?" : YesNo
              prompt c "Are risks of non-compliance identified and addressed in a timely fashion to reduce the need for enforcement actions?" : NonComplianceRisks
              prompt d "Is enforcement action taken when appropriate?" : YesNo
                when 2.4.1.c != none

              signal "Judged effective although no prompt was answered positively"
                when 2.4.1 == yes and none(2.4.1.* is positive)
            }

            key_question 2.4.2 "Does the implementation and delivery of services effectively support the person on probation's desistance?" : YesNo

            key_question 2.4.3 "Does the implementation and delivery of services effectively support the safety of other people?" : YesNo
              when case.harm_indicators
            {
              prompt a "Is sufficient attention given to protecting actual and potential victims?" : YesNo
              guidance """
                Inspectors look for active management that gives priority to victim safety.
                """
            }
          }
        }
        """";

    private static readonly Lazy<SemanticModel> Compiled = new(() => Compile(Source));

    public static SemanticModel Model => Compiled.Value;

    /// <summary>Compiles framework source held in memory; fails the test on any error.</summary>
    public static SemanticModel Compile(string source)
    {
        var files = new InMemoryFileSystem().With("/ws/rules.json", "{}").With("/ws/framework/example.rules", source);
        var workspace = new RulesWorkspace(files);
        var compilation = Assert.Single(workspace.CompileAll("/ws/framework"));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Model;
    }
}
