namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads the <c>backend/http</c> namespace.</summary>
internal static class BackendHttpOptionsParser
{
    public static BackendHttpOptions Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.BackendHttp, problems);
        if (reader is null)
        {
            return new BackendHttpOptions();
        }

        var alias = reader.String("return_error_details");
        var options = new BackendHttpOptions
        {
            // An empty alias would produce a nameless key; KrakenD treats it as off.
            ReturnErrorDetails = string.IsNullOrEmpty(alias) ? null : alias,
            ReturnErrorCode = reader.Bool("return_error_code"),
        };
        reader.ReportUnknownKeys();
        return options;
    }
}
