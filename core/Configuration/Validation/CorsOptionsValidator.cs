namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// <c>security/cors</c> is well formed: an origin holds at most one wildcard, a preflight's status is a success (a browser
/// fails every preflight answered otherwise). An origin with a path never matches (browsers send none), and a wildcard
/// at the very end also matches other sites' hosts: both are warned.
/// </summary>
internal sealed class CorsOptionsValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.Cors is not { } cors)
        {
            return;
        }

        var path = NamespacePaths.Cors;
        var status = cors.OptionsSuccessStatus;
        if (status is < 200 or > 299)
        {
            problems.Error(path + ".options_success_status", $"a preflight's status must be a success (200 to 299), got {status}");
        }

        var originsPath = path + ".allow_origins";
        if (problems.HasErrorAt(originsPath))
        {
            return; // a non-string entry was dropped: indexes would no longer match the file
        }

        for (var i = 0; i < cors.AllowOrigins.Count; i++)
        {
            ValidateOrigin(cors.AllowOrigins[i], JsonPaths.Index(originsPath, i), problems);
        }
    }

    private static void ValidateOrigin(string origin, string path, ConfigProblems problems)
    {
        if (origin == "*")
        {
            return;
        }

        var star = origin.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0 && origin.IndexOf('*', star + 1) >= 0)
        {
            problems.Error(path, $"an origin may hold one wildcard '*', '{origin}' has more");
        }

        var scheme = origin.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && origin.IndexOf('/', scheme + 3) >= 0)
        {
            problems.Warning(path, $"'{origin}' never matches: an origin is a scheme, a host and a port, without a path or a final '/'");
        }

        if (star == origin.Length - 1 && !origin.EndsWith(":*", StringComparison.Ordinal))
        {
            problems.Warning(path, $"'{origin}' also matches other hosts that start the same way ('{origin[..star]}.evil.example'); "
                + "put the wildcard before a domain instead, such as 'https://*.example.com'");
        }
    }
}
