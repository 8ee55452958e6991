namespace Switchyard.Functions.Serverless;

/// <summary>
/// The log lines of the invocation in progress on this async flow. What the agent logs while it handles an invoked
/// message also goes back to the host in the answer's <c>Logs</c>, where the host writes it under the function (and
/// to Application Insights).
/// </summary>
internal static class InvocationLog
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Starts collecting the lines of this flow; the list is the invocation's.</summary>
    public static List<string> Begin()
    {
        var lines = new List<string>();
        Current.Value = lines;
        return lines;
    }

    /// <summary>Adds a line to the invocation in progress, if any; outside an invocation it does nothing.</summary>
    public static void Add(string line)
    {
        if (Current.Value is { } lines)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
