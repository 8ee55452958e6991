using System.Text.Json.Nodes;
using Switchyard.Core.Policies.Cel;
using Switchyard.Core.Security.Jwt;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Security.Jwt;

/// <summary>
/// Builds validators over a real key set file (<c>jwk_local_path</c>) and a manual clock, and tokens valid at that
/// clock's time for the harness's issuer and audience.
/// </summary>
internal sealed class JwtValidatorHarness : IDisposable
{
    public const string Issuer = "https://idp.switchyard.test";
    public const string Audience = "https://api.switchyard.test";

    private readonly List<string> _files = [];

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public List<string> Log { get; } = [];

    /// <summary>A validator for <paramref name="algorithm"/> whose key set holds <paramref name="jwks"/>.</summary>
    public JwtValidator Validator(
        string algorithm,
        IEnumerable<JsonObject> jwks,
        Func<JwtValidatorOptions, JwtValidatorOptions>? configure = null,
        params string[] claimChecks)
    {
        var path = Path.GetTempFileName();
        _files.Add(path);
        File.WriteAllText(path, new JsonObject { ["keys"] = new JsonArray([.. jwks.Select(key => key.DeepClone())]) }.ToJsonString());

        var options = new JwtValidatorOptions
        {
            Algorithm = algorithm,
            Keys = new JwkSourceOptions { LocalPath = path },
            Issuer = Issuer,
            Audience = [Audience],
        };
        options = configure?.Invoke(options) ?? options;
        var checks = claimChecks.Select(expression => CelEnvironment.Gateway.Compile(expression).Program!).ToList();
        var source = new LocalJwkSource(path, Time, (level, message, _) => Log.Add($"{level}: {message}"));
        return new JwtValidator(options, source, checks, Time);
    }

    /// <summary>A validator whose key set holds <paramref name="key"/>'s public JWK.</summary>
    public JwtValidator Validator(JwtTestKey key, Func<JwtValidatorOptions, JwtValidatorOptions>? configure = null, params string[] claimChecks) =>
        Validator(key.Algorithm, [key.PublicJwk], configure, claimChecks);

    /// <summary>Claims valid at the clock's time for the harness's issuer and audience, plus <paramref name="extra"/>.</summary>
    public JsonObject Claims(JsonObject? extra = null) => TestTokens.Claims(Issuer, Audience, Time.GetUtcNow(), extra);

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
