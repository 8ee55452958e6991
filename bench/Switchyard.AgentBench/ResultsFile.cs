namespace Switchyard.AgentBench;

/// <summary>Where a bench's markdown goes: the console, then its file under <c>bench/results</c>.</summary>
internal static class ResultsFile
{
    public static async Task WriteAsync(string markdown, string output)
    {
        Console.WriteLine();
        Console.WriteLine(markdown);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, markdown);
        Console.WriteLine($"Written to {output}");
    }
}
