using NeuralNets.Cli;

namespace NeuralNets.Notebooks.Tests;

/// <summary>Runs <c>nn</c> in-process through <see cref="Program.Main"/>, capturing what it prints.</summary>
public static class InProcessNn
{
    /// <summary>The exit code, standard output and standard error of <c>nn ARGS</c>.</summary>
    public static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            var exit = Program.Main(args);
            return (exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
