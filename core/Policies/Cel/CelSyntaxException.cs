namespace Switchyard.Core.Policies.Cel;

/// <summary>A lexing or parsing failure at a 0-based offset; the compiler turns it into a <see cref="CelDiagnostic"/>.</summary>
internal sealed class CelSyntaxException(int position, string message) : Exception(message)
{
    public int Position => position;
}
