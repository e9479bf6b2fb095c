using NeuralNets.Cli.Site;

namespace NeuralNets.Notebooks.Tests.Site;

/// <summary><c>nn site</c> on the command line, in-process: its exit codes and one-line messages.</summary>
[Collection(NotebookRunsCollection.Name)] // InProcessNn swaps Console.Out, which only one test may do at a time
public sealed class SiteCommandTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Builds_the_site_and_says_where()
    {
        var site = Path.Combine(_folder.Path, "site");

        var (exit, output, errors) = InProcessNn.Run("site", ExecutedNotebook.WriteCourse(_folder), "--out", site);

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Contains($"Wrote {site}: 2 notebook pages and the course map (2 exercises, 2 charts,", output);
        Assert.True(File.Exists(Path.Combine(site, "index.html")));
    }

    [Fact]
    public void A_missing_input_folder_exits_2_with_one_line_naming_it()
    {
        var missing = Path.Combine(_folder.Path, "no-such-folder");

        var (exit, output, errors) = InProcessNn.Run("site", missing, "--out", Path.Combine(_folder.Path, "site"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"nn: no such folder of executed notebooks: {missing}", errors.TrimEnd('\n'));
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "site")));
    }

    [Fact]
    public void A_file_for_the_input_folder_exits_2_naming_it()
    {
        var file = _folder.Write("01-x.ipynb", ExecutedNotebook.Json());

        var (exit, _, errors) = InProcessNn.Run("site", file, "--out", Path.Combine(_folder.Path, "site"));

        Assert.Equal(2, exit);
        Assert.Single(errors.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"nn: {file} is a file;", errors);
    }

    [Fact]
    public void An_unknown_flag_exits_2_naming_it()
    {
        var (exit, _, errors) = InProcessNn.Run("site", _folder.Path, "--outt", "x");

        Assert.Equal(2, exit);
        Assert.Contains("--outt", errors);
    }

    [Fact]
    public void An_output_folder_with_foreign_files_is_refused_and_left_byte_identical()
    {
        var input = ExecutedNotebook.WriteCourse(_folder);
        var notes = _folder.Write("mine/index.html", "<p>my own page</p>");
        var other = _folder.Write("mine/notes.txt", "do not touch");
        var before = Snapshot(Path.Combine(_folder.Path, "mine"));

        var (exit, output, errors) = InProcessNn.Run("site", input, "--out", Path.GetDirectoryName(notes)!);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(errors.TrimEnd('\n').Split('\n'));
        Assert.Contains("is not empty and was not made by nn site", errors);
        Assert.Equal(before, Snapshot(Path.Combine(_folder.Path, "mine")));
        Assert.Equal("do not touch", File.ReadAllText(other));
    }

    [Fact]
    public void A_file_added_to_a_built_site_stops_the_next_build_and_is_kept()
    {
        var input = ExecutedNotebook.WriteCourse(_folder);
        var site = Path.Combine(_folder.Path, "site");
        Assert.Equal(0, InProcessNn.Run("site", input, "--out", site).Exit);
        var added = _folder.Write("site/assets/extra.css", "body { color: red }");
        var before = Snapshot(site);

        var (exit, _, errors) = InProcessNn.Run("site", input, "--out", site);

        Assert.Equal(1, exit);
        Assert.Equal($"nn: {site} holds assets/extra.css, which nn site did not make; move it away or choose another --out.", errors.TrimEnd('\n'));
        Assert.Equal(before, Snapshot(site));
        Assert.True(File.Exists(added));
    }

    [Fact]
    public void A_site_it_made_is_rebuilt_in_place()
    {
        var input = ExecutedNotebook.WriteCourse(_folder);
        var site = Path.Combine(_folder.Path, "site");
        Assert.Equal(0, InProcessNn.Run("site", input, "--out", site).Exit);

        var (exit, _, errors) = InProcessNn.Run("site", input, "--out", site);

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Contains("02-sigmoid.html", File.ReadAllText(Path.Combine(site, SiteFolder.MarkerName)));
    }

    /// <summary>Every file under <paramref name="folder"/> with its bytes, to compare before and after.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(folder, file), file => Convert.ToBase64String(File.ReadAllBytes(file)));
}
