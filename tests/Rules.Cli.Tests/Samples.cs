namespace Rules.Cli.Tests;

internal static class Samples
{
    public const string Framework = """
        framework "Sample" {
          version "1"
          scale Rating
          overall {
            good       from 2
            inadequate from 0
          }
        }

        scale Rating {
          good       "Good"       score 2 from 65%
          inadequate "Inadequate" score 0 from 0%
        }

        case {
          type "Type of case" : community | post_release
        }

        answers YesNo {
          yes "Yes" positive
          no  "No"
        }

        domain 2 "Case supervision" {
          standard 2.4 "Implementation and delivery" {
            rated by lowest key_question

            key_question 2.4.1 "Is the sentence implemented effectively?" : YesNo {
              prompt a "Do the requirements start promptly?" : YesNo
              prompt b "Is recall considered?" : YesNo
                when case.type == post_release
            }
          }
        }

        test "Recall is asked only after release" {
          case { type: community }
          answers { 2.4.1: yes, 2.4.1.a: yes }
          expect 2.4.1.b not applicable
          expect valid
        }

        """;

    /// <summary>The sample with an answer set nothing uses (warning RL0401).</summary>
    public static string WithUnusedAnswerSet => Framework + "answers Unused {\n  yes \"Yes\" positive\n}\n";

    /// <summary>The sample with a misspelt option in a condition (RL0105) on line 35.</summary>
    public static string WithUnknownOption => Framework.Replace("case.type == post_release", "case.type == post_releas");
}
