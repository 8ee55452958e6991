namespace Switchyard.Core.Durable;

/// <summary>A flow names a pipe or a step this process's configuration does not have (it changed under the task hub).</summary>
public sealed class DurableConfigurationException(string message) : Exception(message);
