namespace Switchyard.Core.Security.Jwt;

/// <summary><c>scopes_matcher</c>: how many of the required scopes a token must carry.</summary>
public enum ScopesMatcher
{
    /// <summary><c>any</c>: at least one.</summary>
    Any,

    /// <summary><c>all</c>: every one.</summary>
    All,
}
