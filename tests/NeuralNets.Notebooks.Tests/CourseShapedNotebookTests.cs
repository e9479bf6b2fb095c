namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// A notebook laid out like the course's: packages, then <c>#r "../build/NeuralNets.dll"</c>, a parameters cell,
/// and <c>plot</c> cells that load Plotly.NET (not restorable on every machine: then they are skipped).
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class CourseShapedNotebookTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Runs_with_the_library_from_build_and_skips_or_runs_the_plot_cells()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "build"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "build", "NeuralNets.dll"), Path.Combine(_folder.Path, "build", "NeuralNets.dll"));
        Directory.CreateDirectory(Path.Combine(_folder.Path, "notebooks"));
        var notebook = _folder.Add("course-shaped.ipynb", Path.Combine("notebooks", "01-course-shaped.ipynb"));

        var result = await NotebookRunner.RunAsync(notebook,
            _folder.Options(new Dictionary<string, string> { ["imageCount"] = "3" }));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("tiny: 3 images of 2 × 2, 10 classes", result.Variable<string>("description"));
        Assert.Equal(12, result.Variable<int>("pixelCount"));
        // Where Plotly.NET restores, both plot cells run; where it does not, both are skipped.
        Assert.True(result.CellsSkipped is 0 or 2, $"skipped {result.CellsSkipped}");
        if (result.CellsSkipped == 2)
            Assert.Contains("Plotly.NET", result.SkippedPackage);
    }
}
