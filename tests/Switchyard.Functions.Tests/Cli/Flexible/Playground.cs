using Switchyard.Core.Configuration.Flexible;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli.Flexible;

/// <summary>The KrakenD playground's templated configuration committed beside these tests (see playground/README.md).</summary>
internal static class Playground
{
    public static readonly string Directory = RepositoryRoot.Combine("tests", "Switchyard.Functions.Tests", "Cli", "Flexible", "playground");

    public static readonly string Template = Path.Combine(Directory, "krakend-flexible-config.tmpl");

    public static readonly string Partials = Path.Combine(Directory, "partials");

    public static readonly string Templates = Path.Combine(Directory, "templates");

    /// <summary>The playground's own settings folder: <c>dev</c> or <c>prod</c>.</summary>
    public static string Settings(string environment) => Path.Combine(Directory, "settings", environment);

    /// <summary>The options KrakenD's playground runs with, on the given settings folder.</summary>
    public static FlexibleConfigOptions Options(string settings) => new()
    {
        SettingsDirectory = settings,
        PartialsDirectory = Partials,
        TemplatesDirectory = Templates,
    };

    /// <summary>The same configuration written by hand, the case backend and the JWK URL filled in.</summary>
    public static string ByHand(string hostCase, string jwkUrl) =>
        File.ReadAllText(Path.Combine(Directory, "krakend.by-hand.json"))
            .Replace("HOST_CASE", hostCase, StringComparison.Ordinal)
            .Replace("JWK_URL", jwkUrl, StringComparison.Ordinal);

    /// <summary>
    /// A settings folder as <c>settings/dev</c>, with only its host settings (<c>host_case</c>, <c>security</c>)
    /// changed to <paramref name="hostCase"/> and <paramref name="jwkUrl"/>.
    /// </summary>
    public static void WriteSettings(string folder, string hostCase, string jwkUrl)
    {
        System.IO.Directory.CreateDirectory(folder);
        var env = File.ReadAllText(Path.Combine(Settings("dev"), "env.json"))
            .Replace("\"http://case\"", $"\"{hostCase}\"", StringComparison.Ordinal)
            .Replace("\"https://keycloak/auth/realms/default/protocol/openid-connect/certs\"", $"\"{jwkUrl}\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "env.json"), env);
        File.Copy(Path.Combine(Settings("dev"), "loop_example.json"), Path.Combine(folder, "loop_example.json"));
    }
}
