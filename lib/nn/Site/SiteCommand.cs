using System.CommandLine;
using System.Globalization;
using NeuralNets.Notebooks;

namespace NeuralNets.Cli.Site;

/// <summary><c>nn site</c>: the executed notebooks as a folder of static HTML, to host anywhere or open from disk.</summary>
public static class SiteCommand
{
    /// <summary>Where the site goes unless told otherwise (git-ignored).</summary>
    public const string DefaultOutputDirectory = "site";

    /// <summary>The <c>site</c> command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("executed-notebooks")
        {
            Description = "The folder of executed notebooks that `nn notebook run` wrote (its --out).",
            DefaultValueFactory = _ => RunOptions.DefaultOutputDirectory,
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for the website, relative to the current directory. It must be missing, empty, or made by an earlier nn site.",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultOutputDirectory,
        };
        var command = new Command("site",
            "Make the course website: a course map and one page per executed notebook, with equations, highlighted code, "
            + "outputs and charts; it works offline, from disk or any web host.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.SetAction(parsed => Run(parsed.GetValue(input)!, parsed.GetValue(output)!));
        return command;
    }

    private static int Run(string input, string output)
    {
        if (!Directory.Exists(input))
        {
            Console.Error.WriteLine(File.Exists(input)
                ? $"nn: {input} is a file; give the folder of executed notebooks (`nn notebook run` writes them to {RunOptions.DefaultOutputDirectory})."
                : $"nn: no such folder of executed notebooks: {input}");
            return Program.UsageError;
        }
        if (File.Exists(output))
        {
            Console.Error.WriteLine($"nn: --out {output} is a file; give a folder for the website.");
            return Program.UsageError;
        }
        var repository = Assets.FindRepository();
        if (repository is null)
        {
            Console.Error.WriteLine("nn: cannot find the course repository (NeuralNets.slnx) above nn or the current folder; its node_modules holds the site's scripts.");
            return Program.Failed;
        }
        SiteBuilder.Built built;
        try
        {
            built = SiteBuilder.Build(input, output, repository);
        }
        catch (SiteException e)
        {
            Console.Error.WriteLine($"nn: {e.Message}");
            return Program.Failed;
        }
        var exercises = built.Notebooks.Sum(n => n.Exercises);
        var charts = built.Notebooks.Sum(n => n.Charts);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {built.Folder}: {built.Notebooks.Count} notebook pages and the course map ({exercises} exercises, {charts} charts, {built.Files} files) in {built.Elapsed.TotalSeconds:0.0} s."));
        Console.WriteLine($"Open {Path.Combine(built.Folder, IndexPage.FileName)} in a browser, or copy the folder to any web host.");
        return 0;
    }
}
