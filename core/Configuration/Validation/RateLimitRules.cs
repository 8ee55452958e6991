namespace Switchyard.Core.Configuration.Validation;

/// <summary>The checks <c>qos/ratelimit/router</c> and <c>qos/ratelimit/proxy</c> share.</summary>
internal static class RateLimitRules
{
    public static void NotNegative(double value, string path, ConfigProblems problems)
    {
        if (value < 0)
        {
            problems.Error(path, $"must not be negative, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }
}
