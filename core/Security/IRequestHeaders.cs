namespace Switchyard.Core.Security;

/// <summary>
/// Read access to a request's headers for the security checks, which live in the core without ASP.NET Core. The HTTP
/// host implements it over its own header collection.
/// </summary>
public interface IRequestHeaders
{
    /// <summary>The first value of header <paramref name="name"/> (names ignore case), or null when it is absent.</summary>
    string? First(string name);
}
