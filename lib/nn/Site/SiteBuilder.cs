using System.Diagnostics;
using System.Text.RegularExpressions;
using NeuralNets.Notebooks;

namespace NeuralNets.Cli.Site;

/// <summary>
/// Builds the course website from a folder of executed notebooks: <c>index.html</c> (the course map), one page per
/// notebook, and <c>assets/</c> with everything the pages load, so the folder can be hosted anywhere or opened from disk.
/// </summary>
public static partial class SiteBuilder
{
    /// <summary>What a build wrote.</summary>
    public sealed record Built(string Folder, IReadOnlyList<CourseNotebook> Notebooks, int Files, TimeSpan Elapsed);

    // The course's numbered notebooks, as `nn notebook run` takes them from a folder.
    [GeneratedRegex(@"^\d+-.*\.ipynb$")]
    private static partial Regex NumberedNotebook();

    /// <summary>The numbered notebooks (<c>NN-*.ipynb</c>) of <paramref name="folder"/>, in name order.</summary>
    public static IReadOnlyList<string> NotebooksIn(string folder) =>
        Directory.GetFiles(folder, "*.ipynb").Where(file => NumberedNotebook().IsMatch(Path.GetFileName(file)))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Reads every notebook and checks the assets and <paramref name="output"/> before it writes anything, then
    /// writes the site. <paramref name="repository"/> is the clone whose node_modules holds the bundled libraries.
    /// </summary>
    /// <exception cref="SiteException">No notebooks, one that is not an executed copy, a missing npm install, or an
    /// output folder holding files nn site did not make.</exception>
    public static Built Build(string input, string output, string repository)
    {
        var clock = Stopwatch.StartNew();
        var paths = NotebooksIn(input);
        if (paths.Count == 0)
            throw new SiteException($"no NN-*.ipynb notebooks in {input}");
        var notebooks = paths.Select(Read).Select(CourseNotebook.Describe).ToList();
        Assets.Check(repository);
        var folder = SiteFolder.Claim(output);

        folder.Clear();
        Directory.CreateDirectory(folder.Path);
        var written = new List<string>(Assets.Write(repository, folder.Path));
        for (var i = 0; i < notebooks.Count; i++)
        {
            var page = NotebookPage.Create(notebooks[i], i > 0 ? notebooks[i - 1] : null, i + 1 < notebooks.Count ? notebooks[i + 1] : null);
            written.Add(Write(folder.Path, notebooks[i].PageName, page));
        }
        written.Add(Write(folder.Path, IndexPage.FileName, IndexPage.Create(notebooks)));
        folder.Mark(written);
        return new Built(folder.Path, notebooks, written.Count, clock.Elapsed);
    }

    private static Notebook Read(string path)
    {
        Notebook notebook;
        try
        {
            notebook = NotebookFile.Read(path);
        }
        catch (NotebookFormatException e)
        {
            throw new SiteException(e.Message);
        }
        if (notebook.MadeBy != Notebook.ExecutedCopy)
            throw new SiteException($"{notebook.FileName} is not an executed copy, so it has no outputs to show: "
                + $"run `nn notebook run` on the notebooks and build the site from its --out folder ({RunOptions.DefaultOutputDirectory} by default).");
        return notebook;
    }

    private static string Write(string folder, string name, string html)
    {
        File.WriteAllText(Path.Combine(folder, name), html);
        return name;
    }
}
