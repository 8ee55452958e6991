using System.Globalization;

namespace Switchyard.ColdStartBench;

/// <summary>The command line of the benchmark, and where it runs.</summary>
internal sealed record ColdStartOptions
{
    /// <summary>Measured starts of each variant, alternating. <value>The default value is 10.</value></summary>
    public int Runs { get; init; } = 10;

    /// <summary>The results file. <value>The default value is null: <c>bench/results/ColdStart.md</c>.</value></summary>
    public string? Output { get; init; }

    /// <summary>
    /// Write the Native AOT startup order (<see cref="StartupOrder"/>) instead of measuring.
    /// <value>The default value is false.</value>
    /// </summary>
    public bool WriteStartupOrder { get; init; }

    public static ColdStartOptions Parse(string[] args)
    {
        var options = new ColdStartOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--startup-order")
            {
                options = options with { WriteStartupOrder = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--output" => options with { Output = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --runs N, --output FILE, --startup-order."),
            };
            i++;
        }

        return options;
    }

    /// <summary>The repository the program was built from (where <c>Serverless.sln</c> is), found upwards.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}: run the benchmark from the repository.");
    }
}
