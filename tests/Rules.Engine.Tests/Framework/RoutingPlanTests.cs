using Rules.Core.Semantics;
using Rules.Engine.Evaluation;

namespace Rules.Engine.Tests.Framework;

public sealed class RoutingPlanTests
{
    [Fact]
    public void Items_with_the_same_parent_class_and_condition_share_a_class()
    {
        var framework = CompiledFramework.Create(SpecExample.Model);
        var plan = framework.Routing;
        Assert.True(plan.Shared);
        var classOf = framework.Items.ToDictionary(i => i.Symbol.Code, i => i.Class);

        // The standard, 2.4.1, its prompts a-c and 2.4.2 apply to every case; 2.4.1.d has its own condition; 2.4.3 and 2.4.3.a apply together.
        Assert.Equal(0, classOf["2.4"]);
        Assert.All(new[] { "2.4.1", "2.4.1.a", "2.4.1.b", "2.4.1.c", "2.4.2" }, code => Assert.Equal(0, classOf[code]));
        Assert.NotEqual(0, classOf["2.4.1.d"]);
        Assert.Equal(classOf["2.4.3"], classOf["2.4.3.a"]);
        Assert.Equal(3, plan.Classes.Length);
    }

    [Fact]
    public void A_routing_cycle_gets_one_class_per_item()
    {
        var framework = CompiledFramework.Create(SpecExample.Model);
        var items = framework.Items;
        var d = items.Single(i => i.Symbol.Code == "2.4.1.d");
        var c = items.Single(i => i.Symbol.Code == "2.4.1.c");

        // 2.4.1.c when 2.4.1.d == yes, and 2.4.1.d when 2.4.1.c != none: each depends on the other.
        BoundExpression Equals(RoutedSymbol question, string option, BinaryOperator op) => new BoundBinary(op,
            new BoundQuestionReference((QuestionSymbol)question, null),
            new BoundNames([option], [null], IsSetLiteral: false, null), null);
        var planned = items.Select(i => (i.Parent, i.Symbol == c.Symbol ? Equals(d.Symbol, "yes", BinaryOperator.Equals)
            : i.Symbol == d.Symbol ? Equals(c.Symbol, "none", BinaryOperator.NotEquals) : i.Condition)).ToList();
        var plan = RoutingPlan.Create(planned, framework.ItemOfAnswer, new ConditionCompiler(framework.Schema));

        Assert.False(plan.Shared);
        Assert.Equal(items.Length, plan.Classes.Length);
        Assert.Equal(Enumerable.Range(0, items.Length), plan.ItemClass);
        Assert.Equal(items.Select(i => i.Parent).ToArray(), plan.Classes.Select(k => k.Parent).ToArray());
    }
}
