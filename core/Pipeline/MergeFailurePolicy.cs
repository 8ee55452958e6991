namespace Switchyard.Core.Pipeline;

/// <summary>What a merge (parallel or sequential) does when one of its parts fails.</summary>
public enum MergeFailurePolicy
{
    /// <summary>
    /// A published endpoint, as KrakenD: parallel parts answer what succeeded (incomplete, with the errors); a
    /// sequential chain stops at the failing step with what it gathered, and fails when its first step fails.
    /// </summary>
    Partial,

    /// <summary>A workflow: the first failing step stops every other step and the workflow fails.</summary>
    Abort,

    /// <summary>A workflow with <c>ignore_errors</c>: every remaining step runs, and what succeeded is the answer.</summary>
    Continue,
}
