using System.Text.RegularExpressions;

namespace Switchyard.Core.Policies.Cel;

/// <summary><c>text.matches('constant')</c>: the pattern was compiled once, with the program.</summary>
internal sealed class CelMatchesNode(CelNode text, Regex regex) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var value = text.Evaluate(frame);
        return value.Kind switch
        {
            CelValueKind.String => CelRegex.Match(regex, value.AsString),
            CelValueKind.Error => value,
            _ => CelValue.NoSuchOverload("matches", value, CelValue.FromString(regex.ToString())),
        };
    }
}
