using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>The <c>backend</c> verb's command line: <c>--port N [--heavy-tail --seed S]</c>.</summary>
internal sealed record BackendOptions(int Port, bool HeavyTail, int Seed)
{
    public static BackendOptions Parse(string[] args)
    {
        int? port = null;
        var heavyTail = false;
        var seed = 42;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length:
                    port = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--heavy-tail":
                    heavyTail = true;
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown backend argument {args[i]}; use --port N [--heavy-tail --seed S].");
            }
        }

        return new BackendOptions(port ?? throw new ArgumentException("backend needs --port N."), heavyTail, seed);
    }
}
