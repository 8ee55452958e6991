using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The placeholders of an async agent's backends. The pipe has no route, hence no <c>{params}</c>, and no token, hence
/// no <c>JWT.claim</c>; what is left is <c>respN_field</c> (as lura accepts it anywhere) and
/// <c>input_headers.Name</c>, since the message's id, routing key and headers reach the pipe as request headers.
/// </summary>
internal sealed partial class AgentPipeScope : PlaceholderScope
{
    public override bool Declares(string name, int backendIndex) => AgentPattern().IsMatch(name);

    [GeneratedRegex(@"^(resp[0-9]+_.+|input_headers\..+)$")]
    private static partial Regex AgentPattern();
}
