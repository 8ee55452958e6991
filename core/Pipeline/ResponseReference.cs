using System.Text.RegularExpressions;
using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// A <c>{respN_a.b}</c> placeholder of a sequential endpoint: the value at path <c>a.b</c> of step N's data, offered to
/// later steps as the parameter <c>RespN_a.b</c>.
/// </summary>
internal sealed partial record ResponseReference(int Step, DataPath Path, string ParamKey)
{
    public static ResponseReference? TryParse(string placeholder)
    {
        var match = Pattern().Match(placeholder);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, out var step))
        {
            return null;
        }

        return new ResponseReference(step, DataPath.Parse(match.Groups[2].Value), UrlTemplate.ParamKey(placeholder));
    }

    [GeneratedRegex(@"^resp(\d+)_(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
