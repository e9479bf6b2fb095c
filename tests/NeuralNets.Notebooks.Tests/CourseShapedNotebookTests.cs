namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// A notebook laid out like the course's: packages, then <c>#r "../build/NeuralNets.dll"</c>, a parameters cell,
/// and <c>plot</c> cells that draw with the pinned Plotly.NET packages, on the real engine.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class CourseShapedNotebookTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Runs_with_the_library_from_build_and_draws_its_charts_with_the_pinned_packages()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "build"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "build", "NeuralNets.dll"), Path.Combine(_folder.Path, "build", "NeuralNets.dll"));
        Directory.CreateDirectory(Path.Combine(_folder.Path, "notebooks"));
        var notebook = _folder.Add("course-shaped.ipynb", Path.Combine("notebooks", "01-course-shaped.ipynb"));

        var options = _folder.Options(new Dictionary<string, string> { ["imageCount"] = "3" });
        var result = await NotebookRunner.RunAsync(notebook, new RunOptions
        {
            OutputDirectory = options.OutputDirectory,
            Parameters = options.Parameters,
            PackageSources = CourseNotebookTests.PackageSources,
        });

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("tiny: 3 images of 2 × 2, 10 classes", result.Variable<string>("description"));
        Assert.Equal(12, result.Variable<int>("pixelCount"));
        Assert.Equal(1, result.Cell(5).ChartCount);   // a chart as the cell's value
        Assert.Equal(1, result.Cell(6).ChartCount);   // a chart passed to display
        Assert.Contains("Plotly.newPlot", result.Cell(5).Outputs.Single(o => o.IsPlotlyChart).Data["text/html"]);
        // The library's types choose their own form in the kernel: their text, and the same text as <pre> HTML.
        var check = Assert.Single(result.Cell(8).Outputs).Data;
        Assert.Equal("✅ PASS — Exercise 1: right", check["text/plain"]);
        Assert.Equal("<pre>✅ PASS — Exercise 1: right</pre>", check["text/html"]);
        foreach (var (id, version) in CourseNotebookTests.ChartPackages)
            Assert.Equal(version, Assert.Single(result.Packages, p => p.Id == id).Version);
    }
}
