namespace Switchyard.Core.Encoding;

/// <summary>A backend body that its declared encoding cannot read; the backend call counts as failed.</summary>
public sealed class DecodeException(string message, Exception? inner = null) : Exception(message, inner);
