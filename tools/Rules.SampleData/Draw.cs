namespace Rules.SampleData;

/// <summary>Random draws over one seeded <see cref="Random"/>: the only source of randomness, so output depends on the seed alone.</summary>
public sealed class Draw(int seed)
{
    private readonly Random _random = new(seed);

    public double Unit() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>An integer in [low, high], both inclusive.</summary>
    public int Between(int low, int high) => _random.Next(low, high + 1);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An index chosen with the given relative weights.</summary>
    public int Weighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }

    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    public static double Logit(double p) => Math.Log(p / (1.0 - p));
}
