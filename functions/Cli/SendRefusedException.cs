namespace Switchyard.Functions.Cli;

/// <summary>What <c>switchyard send</c> was given cannot be published: the message says what to give instead.</summary>
internal sealed class SendRefusedException(string message) : Exception(message);
