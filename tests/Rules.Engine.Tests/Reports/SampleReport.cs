using Rules.Engine.Reports;

namespace Rules.Engine.Tests.Reports;

/// <summary>A hand-made report covering every part of the contract, including the null cases.</summary>
internal static class SampleReport
{
    public static EvaluationReport Create()
    {
        var all = new InspectionReport(
            "*",
            1530,
            [
                new KeyQuestionResult("2.4.1", 1530, 816, 53.3m, "requires_improvement") { Text = "Is the sentence or post-custody period implemented effectively with a focus on engaging the person on probation?" },
                new KeyQuestionResult("2.4.2", 1530, 1010, 66.0m, "good") { Text = "Does the implementation and delivery of services effectively support the person on probation's desistance?" },
                new KeyQuestionResult("2.4.3", 921, 737, 80.0m, "outstanding") { Text = "Does the implementation and delivery of services effectively support the safety of other people?" },
            ],
            [
                new PromptResult("2.4.1.a", 1530, [new OptionCount("yes", 917) { Label = "Yes" }, new OptionCount("should", 461) { Label = "No, and should have done" }, new OptionCount("noncompliance", 152) { Label = "No, due to non-compliance" }], 917, 59.9m)
                {
                    Text = "Do the requirements of the sentence start promptly, or at an appropriate time?",
                },
                new PromptResult("2.4.1.c", 1530, [new OptionCount("yes", 700), new OptionCount("should", 300), new OptionCount("none", 530)], 700, 70.0m),
            ],
            [
                new StandardResult("2.4", "requires_improvement", 1, 53.3m, "2.4.1") { Title = "Implementation and delivery", RatedBy = StandardRating.LowestKeyQuestion },
                new StandardResult("1.2", "good", 2, null, null) { Title = "Staff", RatedBy = StandardRating.Inspector },
                new StandardResult("2.6", null, null, null, null) { Title = "Outcomes", RatedBy = StandardRating.NotRated },
            ],
            OverallResult.Rated(3, "good"),
            [
                new BreakdownResult("rosh_level",
                [
                    new BreakdownRow("Low", "2.4.3", 346, 99, 28.6m),
                    new BreakdownRow("Medium", "2.4.3", 400, 380, 95.0m),
                    new BreakdownRow("High/very high", "2.4.3", 175, 140, 80.0m),
                    new BreakdownRow("Low", "2.4.1", 346, 200, 57.8m),
                ]) { Title = "Risk of serious harm" },
                new BreakdownResult("age_group",
                [
                    new BreakdownRow("18-25", "2.4.1", 281, 150, 53.4m),
                    new BreakdownRow("56+", "2.4.1", 0, 0, null),
                ]),
            ]);

        var gwent = new InspectionReport(
            "gwent-2022",
            12,
            [
                new KeyQuestionResult("2.4.1", 12, 6, 50.0m, "requires_improvement"),
                new KeyQuestionResult("2.4.2", 12, 12, 100.0m, "outstanding"),
                new KeyQuestionResult("2.4.3", 0, 0, null, null),
            ],
            [new PromptResult("2.4.1.a", 0, [new OptionCount("yes", 0), new OptionCount("should", 0), new OptionCount("noncompliance", 0)], 0, null)],
            [
                new StandardResult("2.4", "requires_improvement", 1, 50.0m, "2.4.1"),
                new StandardResult("1.2", null, null, null, null),
            ],
            OverallResult.NotRated(["1.2"]),
            []);

        var unnamed = new InspectionReport("", 1, [new KeyQuestionResult("2.4.1", 1, 0, 0.0m, "inadequate")], [], [], OverallResult.Rated(0, "inadequate"), []);

        return new EvaluationReport(
            new FrameworkSummary("Probation inspection: implementation & delivery <excerpt>", "2021.2"),
            new InputSummary(1539, 1530, 9),
            [all, unnamed, gwent],
            [
                new RejectedCase("C-0017", 17, [new ReportError("RL1003", "The answer to 2.4.1.a is \"maybe\", which is not one of its options (yes, should, noncompliance)."), new ReportError("RL1004", "Key question 2.4.2 applies to this case but has no answer.")]),
                new RejectedCase(null, 18, [new ReportError("RL1001", "The line is not valid JSON near character 41: Expected depth to be zero at the end of the JSON payload.")]),
                new RejectedCase("C|pipe", 30, [new ReportError("RL1006", "The id repeats the id of the case on line 2.")]),
            ],
            [
                new CaseWarning("RL1101", "C-0020", 20, "Judged effective although no prompt was answered positively"),
                new CaseWarning("RL1103", "C-0021", 21, "The case field \"colour\" is not declared by this framework, so its value \"blue\" was ignored."),
            ]);
    }
}
