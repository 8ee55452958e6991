using Switchyard.Core.Security.HttpSecurity;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// With <c>allowed_hosts_are_regex</c>, every <c>allowed_hosts</c> entry is a valid RE2 expression. KrakenD panics at
/// start on a bad one; here the file is refused with the entry's path.
/// </summary>
internal sealed class AllowedHostsValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.HttpSecurity is not { AllowedHostsAreRegex: true } security)
        {
            return;
        }

        var path = NamespacePaths.HttpSecurity + ".allowed_hosts";
        if (problems.HasErrorAt(path))
        {
            return; // a non-string entry was dropped: indexes would no longer match the file
        }

        for (var i = 0; i < security.AllowedHosts.Count; i++)
        {
            if (!AllowedHosts.TryCompile(security.AllowedHosts[i], out _, out var error))
            {
                problems.Error(JsonPaths.Index(path, i), error);
            }
        }
    }
}
