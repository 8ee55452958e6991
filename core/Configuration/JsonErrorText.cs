using System.Text.Json;

namespace Switchyard.Core.Configuration;

/// <summary>What a <see cref="JsonException"/> says, without the zero-based position System.Text.Json appends to it.</summary>
internal static class JsonErrorText
{
    public static string WithoutPosition(JsonException e)
    {
        var message = e.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return suffix >= 0 ? message[..suffix] : message;
    }
}
