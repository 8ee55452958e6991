namespace Switchyard.Core.Policies.Cel;

/// <summary>The comprehension macros.</summary>
internal enum CelMacro : byte
{
    All,
    Exists,
    ExistsOne,
    Map,
    Filter,
}
