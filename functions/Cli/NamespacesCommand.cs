using System.CommandLine;
using Switchyard.Core.Configuration.Namespaces;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard namespaces</c>: prints, as Markdown, every KrakenD namespace and root or router key with what Switchyard
/// does with it (served where, else refused or ignored). The README's table is this output.
/// </summary>
internal static class NamespacesCommand
{
    public static Command Create()
    {
        var command = new Command("namespaces", "List every extra_config namespace and unserved key, and what Switchyard does with it.");
        command.SetAction(_ => Print(Console.Out));
        return command;
    }

    public static void Print(TextWriter output) => output.Write(NamespaceTable.Markdown());
}
