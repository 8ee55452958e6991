using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The placeholders of a workflow's backends: only what the workflow was handed. That is every placeholder of the
/// opening backend's <c>url_pattern</c> and of the workflow's <c>endpoint</c> (each checked one level up), plus, in
/// a sequential workflow, <c>respN_field</c> of an earlier step of this workflow.
/// </summary>
/// <remarks>
/// A variable of an outer level that neither declares is not visible, however deep: it must be passed down level
/// by level, as KrakenD's workflow documentation requires.
/// </remarks>
internal sealed partial class WorkflowScope : PlaceholderScope
{
    private readonly HashSet<string> _declared;
    private readonly bool _sequential;

    public WorkflowScope(EndpointConfig workflow, BackendConfig owner)
    {
        _declared = new HashSet<string>(UrlPatternPlaceholders.Names(owner.UrlPattern), StringComparer.Ordinal);
        _declared.UnionWith(UrlPatternPlaceholders.Names(workflow.Endpoint));
        _sequential = workflow.Proxy.Sequential;
    }

    public override bool Declares(string name, int backendIndex)
    {
        if (_declared.Contains(name))
        {
            return true;
        }

        if (!_sequential)
        {
            return false;
        }

        var match = StepPattern().Match(name);
        return match.Success
            && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            && step < backendIndex;
    }

    [GeneratedRegex(@"^resp([0-9]+)_.+$")]
    private static partial Regex StepPattern();
}
