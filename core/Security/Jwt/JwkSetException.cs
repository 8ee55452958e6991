namespace Switchyard.Core.Security.Jwt;

/// <summary>A key set that could not be obtained or read; the message says why, without any key material.</summary>
public sealed class JwkSetException : Exception
{
    public JwkSetException()
    {
    }

    public JwkSetException(string message)
        : base(message)
    {
    }

    public JwkSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
