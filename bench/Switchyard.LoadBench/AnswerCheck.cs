namespace Switchyard.LoadBench;

/// <summary>
/// One request before a row is measured, to catch a server that answers fast but wrongly (an error page, a partial
/// aggregate): a 200, the expected body fragment, and <c>X-Krakend-Completed: true</c> where the row expects it.
/// </summary>
internal static class AnswerCheck
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(15) };

    /// <returns>Null when the answer is right, else what is wrong with it.</returns>
    public static async Task<string?> ProblemAsync(Uri url, string expect, bool expectCompleted, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var completed = response.Headers.TryGetValues("X-Krakend-Completed", out var values) ? string.Join(",", values) : "absent";
        if ((int)response.StatusCode != 200 || !body.Contains(expect, StringComparison.Ordinal) || (expectCompleted && completed != "true"))
        {
            return $"GET {url.PathAndQuery}: {(int)response.StatusCode}, X-Krakend-Completed {completed}, body {Shorten(body)}";
        }

        return null;
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
