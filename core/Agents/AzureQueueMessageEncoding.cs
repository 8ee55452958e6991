namespace Switchyard.Core.Agents;

/// <summary>How the text of a Storage queue message holds its body, as the Functions host's <c>messageEncoding</c>.</summary>
public enum AzureQueueMessageEncoding
{
    /// <summary>The text is the base64 of the body (<c>base64</c>): what the Functions host expects by default.</summary>
    Base64,

    /// <summary>The text is the body itself, as UTF-8 (<c>none</c>): what Storage SDK v12 clients send unless told otherwise.</summary>
    None,
}
