namespace Rules.Core.Semantics;

/// <summary>
/// Visits a bound condition depth first, left to right: the one place that knows which bound expressions have
/// operands. Passes that look for something in a condition (the questions it reads, the solver's variables)
/// override the visits they need. Conditions are at most <see cref="Binder.MaxExpressionDepth"/> deep, so the
/// recursion is bounded.
/// </summary>
public abstract class BoundExpressionWalker
{
    public void Walk(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundQuestionReference q: VisitQuestion(q); break;
            case BoundFieldReference f: VisitField(f); break;
            case BoundAggregate a: VisitAggregate(a); break;
            case BoundNot n: Walk(n.Operand); break;
            case BoundIs i: Walk(i.Operand); break;
            case BoundBinary b: VisitBinary(b); break;
        }
    }

    protected virtual void VisitQuestion(BoundQuestionReference reference) { }

    protected virtual void VisitField(BoundFieldReference reference) { }

    /// <summary><c>any(2.4.1.* ...)</c> and friends: they read the prompts of the key question.</summary>
    protected virtual void VisitAggregate(BoundAggregate aggregate) { }

    protected virtual void VisitBinary(BoundBinary binary)
    {
        Walk(binary.Left);
        Walk(binary.Right);
    }
}
