namespace Rules.SampleData;

/// <summary>The framework or the arguments do not allow sample data to be made; the message says why.</summary>
public sealed class SampleDataException(string message) : Exception(message);
