using System.CommandLine;

namespace NeuralNets.Cli;

/// <summary>Entry point of <c>nn</c>: one sub-command per job, each defined in its own file.</summary>
public static class Program
{
    /// <summary>Exit code for a usage error: an unknown flag or a bad value.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for work that failed: missing data, a corrupt file, a diverged training.</summary>
    public const int Failed = 1;

    /// <summary>Shows the stack trace of a failure, for a bug report; without it a failure is one line.</summary>
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On a failure, print the stack trace too.",
        Recursive = true,
    };

    /// <summary>Parses the command line and runs the chosen command.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("Neural networks from scratch: train on MNIST, benchmark, run the course notebooks, make the course website.");
        root.Options.Add(Verbose);
        foreach (var command in Commands())
            root.Subcommands.Add(command);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine($"nn: {Named(error, Plain(error.Message))}");
            Console.Error.WriteLine("Run 'nn --help' (or 'nn COMMAND --help') for usage.");
            return UsageError;
        }
        try
        {
            // Failures are reported below as one line, not by System.CommandLine's handler with a stack trace.
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var cause = e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerException! : e;
            Console.Error.WriteLine($"nn: {cause.Message}");
            if (parsed.GetValue(Verbose))
                Console.Error.WriteLine(cause);
            else
                Console.Error.WriteLine("(run again with --verbose for the stack trace)");
            return Failed;
        }
    }

    /// <summary>System.CommandLine's "Cannot parse argument 'abc' for option '--eta' as expected type
    /// 'System.Double'." in a learner's words: "--eta: 'abc' is not a number." Optional flags (double?) parse the same.</summary>
    private static string Plain(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message,
            @"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(System\.Nullable`1\[)?System\.(?<type>\w+)\]?'\.$");
        if (!match.Success)
            return message;
        var expected = match.Groups["type"].Value switch
        {
            "Int32" or "Int64" => "a whole number",
            "Double" or "Single" => "a number",
            "Boolean" => "true or false",
            var other => $"a {other}",
        };
        return $"{match.Groups["option"].Value}: '{match.Groups["value"].Value}' is not {expected}.";
    }

    /// <summary>Puts the flag in front of a message that does not name it ("Argument 'cubic' not recognized...").</summary>
    private static string Named(System.CommandLine.Parsing.ParseError error, string message)
    {
        for (var symbol = error.SymbolResult; symbol is not null; symbol = symbol.Parent)
            if (symbol is System.CommandLine.Parsing.OptionResult option)
                return message.Contains(option.Option.Name, StringComparison.Ordinal) ? message : $"{option.Option.Name}: {message}";
        return message;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return TrainCommand.Create();
        yield return BenchCommand.Create();
        yield return NotebookCommands.Create();
        yield return Site.SiteCommand.Create();
    }
}
