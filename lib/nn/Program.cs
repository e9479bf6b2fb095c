using System.CommandLine;

namespace NeuralNets.Cli;

/// <summary>Entry point of <c>nn</c>: one sub-command per job, each defined in its own file.</summary>
public static class Program
{
    /// <summary>Exit code for a usage error: an unknown flag or a bad value.</summary>
    public const int UsageError = 2;

    /// <summary>Parses the command line and runs the chosen command.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("Neural networks from scratch: train on MNIST, benchmark, run the course notebooks.");
        foreach (var command in Commands())
            root.Subcommands.Add(command);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine($"nn: {error.Message}");
            Console.Error.WriteLine("Run 'nn --help' (or 'nn COMMAND --help') for usage.");
            return UsageError;
        }
        return parsed.Invoke();
    }

    private static IEnumerable<Command> Commands()
    {
        yield return TrainCommand.Create();
        yield return NotebookCommands.Create();
    }
}
