using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Switchyard.Functions.Cli;

/// <summary>How the <c>workflows</c> commands print: Spectre.Console tables, plain text (no colours, no markup).</summary>
internal static class FlowTables
{
    // Past a terminal, nothing wraps: a row stays one line for grep and scripts.
    private const int UnwrappedWidth = 4096;

    /// <summary>A console writing to <paramref name="writer"/>, as wide as the terminal when it is one.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // A terminal keeps the width Spectre reads from it.
        if (!ReferenceEquals(writer, System.Console.Out) || System.Console.IsOutputRedirected)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>A table whose headers are <paramref name="headers"/>.</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }

    /// <summary>Adds a row of plain texts: JSON paths such as <c>endpoints[0]</c> are not markup.</summary>
    public static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)));

    /// <summary>A time as the tables print it, in UTC to the second.</summary>
    public static string Time(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
