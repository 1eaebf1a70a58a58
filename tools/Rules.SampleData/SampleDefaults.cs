namespace Rules.SampleData;

/// <summary>The settings that make the committed sample files (rules/probation-2021/samples).</summary>
public static class SampleDefaults
{
    public const int Cases = 1500;
    public const int Seed = 2021;
}
