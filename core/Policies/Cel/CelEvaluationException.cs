namespace Switchyard.Core.Policies.Cel;

/// <summary>An expression failed at run time: a missing key, a division by zero, an overflow, a type mismatch...</summary>
public sealed class CelEvaluationException(string message) : Exception(message);
