using System.Net;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary><c>status.Modifier</c>: replaces the backend's status code. Response scope only.</summary>
internal sealed class StatusModifier(int statusCode) : IResponseModifier
{
    public void ModifyResponse(MartianResponse response)
    {
        response.Message.StatusCode = (HttpStatusCode)statusCode;
        response.Message.ReasonPhrase = null;
    }
}
