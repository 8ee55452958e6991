namespace Switchyard.Templates;

/// <summary>Go's predefined template functions.</summary>
internal static class BuiltinFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
    }
}
