using System.Collections.Immutable;
using Rules.Engine.Aggregation;
using Rules.Engine.Input;
using Rules.Engine.Reports;

namespace Rules.Engine.Evaluation;

/// <summary>
/// The whole of <c>rules evaluate</c> after the framework is compiled and the input opened: read
/// every record, evaluate it, count it or reject it, and build the report. Read = evaluated + rejected.
/// </summary>
public static class EvaluationRun
{
    /// <param name="reader">Opened against <see cref="CompiledFramework.Schema"/>.</param>
    /// <param name="framework">The compiled framework.</param>
    /// <param name="ratings">Inspector ratings (<see cref="InspectorRatings.None"/> when there is no --ratings).</param>
    /// <param name="allowMissing">--allow-missing: a missing answer is a warning and is left out of the counts.</param>
    /// <param name="progress">
    /// Called every 65,536 records with the records and bytes read so far (for a progress display
    /// on a terminal; compare the bytes with the file's length), or null.
    /// </param>
    public static EvaluationReport Run(CaseReader reader, CompiledFramework framework, InspectorRatings ratings, bool allowMissing = false, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(ratings);
        if (!ReferenceEquals(reader.Schema, framework.Schema))
            throw new ArgumentException("The reader must be opened against the framework's schema.", nameof(reader));

        var evaluator = new CaseEvaluator(framework);
        var tally = new InspectionTally(framework.Layout);
        var rejected = ImmutableArray.CreateBuilder<RejectedCase>();
        var warnings = ImmutableArray.CreateBuilder<CaseWarning>();
        long read = 0, evaluated = 0;
        while (reader.MoveNext())
        {
            var record = reader.Current;
            read++;
            if (progress is not null && (read & 0xFFFF) == 0) progress(read, reader.BytesRead);

            // An unreadable line has nothing to evaluate; any other record is evaluated so that
            // every reason for rejecting it is reported at once.
            if (!IsUnreadable(record)) evaluator.Evaluate(record, allowMissing);

            if (record.IsRejected)
            {
                rejected.Add(new RejectedCase(record.Id, record.Line, [.. record.Problems.Where(p => p.Severity == ProblemSeverity.Rejection).Select(p => new ReportError(p.Id, p.Sentence))]));
                continue;
            }

            evaluated++;
            var problems = record.Problems;
            for (var i = 0; i < problems.Count; i++)
            {
                warnings.Add(new CaseWarning(problems[i].Id, record.Id, record.Line, problems[i].Sentence));
            }

            evaluator.Count(tally.For(record.Inspection));
        }

        return ReportBuilder.Build(framework, tally, ratings, new InputSummary(read, evaluated, read - evaluated), rejected.ToImmutable(), warnings.ToImmutable());
    }

    private static bool IsUnreadable(CaseRecord record)
    {
        var problems = record.Problems;
        for (var i = 0; i < problems.Count; i++)
        {
            if (problems[i].Id == ProblemIds.Unreadable) return true;
        }

        return false;
    }
}
