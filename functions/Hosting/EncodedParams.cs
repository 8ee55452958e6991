namespace Switchyard.Functions.Hosting;

/// <summary>
/// Route parameters that are still percent-encoded after the path was decoded, or that hold <c>?</c> or <c>#</c>,
/// are refused: they are attempts to reach another backend path or query through a parameter.
/// </summary>
internal static class EncodedParams
{
    public const string Message = "error: encoded url params";

    public static bool AreValid(IReadOnlyList<KeyValuePair<string, string>> routeValues)
    {
        foreach (var (_, value) in routeValues)
        {
            if (value.AsSpan().IndexOfAny('?', '#', '%') < 0)
            {
                continue;
            }

            if (value.Contains('?', StringComparison.Ordinal) || value.Contains('#', StringComparison.Ordinal)
                || Uri.UnescapeDataString(value) != value)
            {
                return false;
            }
        }

        return true;
    }
}
