using Switchyard.Core.Pipeline;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Policies;

/// <summary>One compiled expression that must hold, and the error the pipe answers when it does not.</summary>
internal sealed record PolicyCheck(CelProgram Program, ProxyError Failure);
