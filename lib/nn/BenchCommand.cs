using System.CommandLine;

namespace NeuralNets.Cli;

/// <summary><c>nn bench</c>: measures how fast the library trains (and, with <c>--kernels</c>, how fast its matrix
/// products run) so that speed can be checked and precision chosen by measurement.</summary>
internal static class BenchCommand
{
    private static readonly string[] ConfigNames = ["ch1", "ch3", "wide"];

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per line instead of a table." };
        var kernels = new Option<bool>("--kernels") { Description = "Time the three matrix products alone, at the shapes each configuration uses." };
        var config = new Option<string>("--config")
        {
            Description = "Which configuration: ch1 [784,30,10], ch3 [784,100,10], wide [784,1024,10], or all.",
            DefaultValueFactory = _ => "all",
        };
        config.AcceptOnlyFromAmong([.. ConfigNames, "all"]);
        var precision = new Option<string>("--precision")
        {
            Description = "Number type: float or double (default: both for --kernels).",
        };
        precision.AcceptOnlyFromAmong("float", "double");

        var command = new Command("bench", "Benchmark training speed on MNIST (or, with --kernels, the matrix products).")
        {
            json, kernels, config, precision,
        };
        command.SetAction(parsed =>
        {
            string chosen = parsed.GetValue(config) ?? "all";
            string[] configs = chosen == "all" ? ConfigNames : [chosen];
            string? type = parsed.GetValue(precision);
            if (parsed.GetValue(kernels))
                return KernelBenchmark.Run(configs, type is null ? ["float", "double"] : [type], parsed.GetValue(json));
            Console.Error.WriteLine("nn bench: training benchmarks come with the network code; use --kernels for now.");
            return Program.UsageError;
        });
        return command;
    }
}
