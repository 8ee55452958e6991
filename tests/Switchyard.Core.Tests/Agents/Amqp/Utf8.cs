namespace Switchyard.Core.Tests.Agents.Amqp;

/// <summary>Bodies and AMQP long-string header values (UTF-8 bytes) as text.</summary>
internal static class Utf8
{
    public static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

    public static string Header(object? value) => Text((byte[])value!);

    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
