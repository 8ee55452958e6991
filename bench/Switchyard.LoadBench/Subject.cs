namespace Switchyard.LoadBench;

/// <summary>One row of the scenario matrix: a URL on one server, the process that serves it, and its baseline.</summary>
internal sealed record Subject
{
    /// <summary>The row's short name, used to find baselines and targets.</summary>
    public required string Key { get; init; }

    public required string Scenario { get; init; }

    public required string Server { get; init; }

    public required Uri Url { get; init; }

    /// <summary>The server whose CPU time and memory are measured (for a direct row, the backend itself).</summary>
    public required ChildProcess Process { get; init; }

    /// <summary>The key of the direct backend row this row is compared with; null for a direct row.</summary>
    public string? Direct { get; init; }

    /// <summary>A fragment every correct answer's body holds.</summary>
    public required string Expect { get; init; }

    /// <summary>Whether a correct answer carries <c>X-Krakend-Completed: true</c> (Switchyard, not no-op).</summary>
    public bool ExpectCompleted { get; init; }
}
