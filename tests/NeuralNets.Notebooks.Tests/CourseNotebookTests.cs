using System.Globalization;
using System.Text.Json;
using NeuralNets.Notebooks.Tests.Browser;

namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// Runs every course notebook in <c>notebooks/</c> end to end, each as its own test, with the reduced parameters
/// and the expected values of its sidecar <c>Course/NN-name.json</c>:
/// <code>{ "parameters": { "epochs": "1" }, "expect": [ { "variable": "testAccuracy", "atLeast": 0.9 } ] }</code>
/// Every exercise check must pass in the full edition and fail in the student edition. The notebooks run on the real
/// engine (the dotnet-interactive tool VS Code starts), every chart cell included, with the chart packages taken from
/// <c>../shared/nuget</c> beside the repository when it is there (learners get the same versions from NuGet).
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class CourseNotebookTests : IClassFixture<ChartBrowser>
{
    private readonly ChartBrowser _browser;

    /// <summary>Every chart a notebook draws is also drawn in headless Chromium (PNGs under <c>artifacts/charts/</c>).</summary>
    public CourseNotebookTests(ChartBrowser browser) => _browser = browser;

    private const string PassMarker = "✅ PASS";      // NeuralNets.Exercises.CheckResult's markers
    private const string FailMarker = "❌ NOT YET";

    static CourseNotebookTests()
    {
        // As .ci/run does: MNIST from ../shared beside the repository when MNIST_DIR is not set.
        string shared = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "data", "mnist"));
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MNIST_DIR")) && Directory.Exists(shared))
            Environment.SetEnvironmentVariable("MNIST_DIR", shared);
    }

    /// <summary>The exact versions every notebook pins: Plotly.NET 6 cannot load in the kernel (README).</summary>
    public static readonly IReadOnlyDictionary<string, string> ChartPackages = new Dictionary<string, string>
    {
        ["Plotly.NET"] = "5.1.0",
        ["Plotly.NET.Interactive"] = "5.0.0",
        ["Plotly.NET.CSharp"] = "0.13.0",
    };

    public static string NotebooksFolder => Path.Combine(RepositoryRoot.Path, "notebooks");

    /// <summary>The chart packages' folder feed beside the repository, as CI has it; none on a learner's machine.</summary>
    public static IReadOnlyList<string> PackageSources
    {
        get
        {
            string feed = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "nuget"));
            return Directory.Exists(feed) ? [feed] : [];
        }
    }

    public static string SidecarFolder => Path.Combine(RepositoryRoot.Path, "tests", "NeuralNets.Notebooks.Tests", "Course");

    public static TheoryData<string> Notebooks()
    {
        var names = Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return new TheoryData<string>(names!);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Course_notebook_runs_with_its_checks_passing_and_reaches_its_values(string notebook)
    {
        var sidecar = Sidecar.Read(notebook);
        var result = await NotebookRunner.RunAsync(Path.Combine(NotebooksFolder, notebook),
            new RunOptions { Parameters = sidecar.Parameters, WriteExecutedCopy = false, PackageSources = PackageSources });

        Assert.True(result.Succeeded, $"{notebook}: {result.Failure}\n{result.Output}");
        AssertEveryPlotCellDrewAChart(notebook, result);
        AssertChartPackagesArePinned(notebook, result);
        // What a learner sees: each chart drawn by plotly.js in a real browser, with its traces and no console error.
        var charts = ChartOutput.From(result);
        Assert.Equal(result.ChartCount, charts.Count);
        await ChartRendering.AssertEveryChartDrawsAsync(notebook, charts, _browser);
        int solutions = StudentEdition.SolutionCount(NotebookFile.Read(Path.Combine(NotebooksFolder, notebook)));
        Assert.True(solutions >= 2, $"{notebook} has {solutions} solution cells; every notebook ends with two to four exercises");
        Assert.DoesNotContain(FailMarker, result.Output);
        Assert.True(Count(result.Output, PassMarker) >= solutions,
            $"{notebook}: expected a passing check for each of its {solutions} exercises, found {Count(result.Output, PassMarker)}");

        foreach (var expectation in sidecar.Expectations)
            expectation.AssertHolds(notebook, result);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Student_edition_runs_with_every_check_failing(string notebook)
    {
        var sidecar = Sidecar.Read(notebook);
        var student = StudentEdition.Create(NotebookFile.Read(Path.Combine(NotebooksFolder, notebook)));
        // Written beside notebooks/ (same depth), so its relative paths such as ../build/NeuralNets.dll still resolve.
        string folder = Path.Combine(RepositoryRoot.Path, "student");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"test-{Guid.NewGuid():N}-{notebook}");
        NotebookFile.Write(student, path);
        try
        {
            var result = await NotebookRunner.RunAsync(path,
                new RunOptions { Parameters = sidecar.Parameters, WriteExecutedCopy = false, PackageSources = PackageSources });

            Assert.True(result.Succeeded, $"student edition of {notebook}: {result.Failure}\n{result.Output}");
            AssertEveryPlotCellDrewAChart($"student edition of {notebook}", result);
            Assert.DoesNotContain(PassMarker, result.Output);
            int solutions = StudentEdition.SolutionCount(NotebookFile.Read(Path.Combine(NotebooksFolder, notebook)));
            Assert.True(Count(result.Output, FailMarker) >= solutions,
                $"student edition of {notebook}: expected a failing check for each of its {solutions} exercises, found {Count(result.Output, FailMarker)}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_notebook_has_a_sidecar_and_every_sidecar_a_notebook()
    {
        var notebooks = Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        var sidecars = Directory.GetFiles(SidecarFolder, "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.NotEmpty(notebooks);
        Assert.Equal(notebooks, sidecars);
    }

    /// <summary>Each cell tagged <c>plot</c> shows at least one Plotly chart, rendered by the real packages.</summary>
    private static void AssertEveryPlotCellDrewAChart(string notebook, NotebookResult result)
    {
        var plotCells = NotebookFile.Read(result.NotebookPath).Cells.Where(cell => cell.HasTag("plot")).Select(cell => cell.Number).ToList();
        Assert.True(plotCells.Count > 0, $"{notebook} has no cell tagged 'plot'");
        var withoutChart = plotCells.Where(number => result.Cell(number).ChartCount == 0).ToList();
        Assert.True(withoutChart.Count == 0, $"{notebook}: plot cells without a Plotly chart: {string.Join(", ", withoutChart)}");
    }

    /// <summary>The kernel loaded exactly the pinned chart packages, and the notebook pins each exactly.</summary>
    private static void AssertChartPackagesArePinned(string notebook, NotebookResult result)
    {
        foreach (var (id, version) in ChartPackages)
        {
            var loaded = result.Packages.Where(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(loaded.Count > 0, $"{notebook} did not load {id}");
            Assert.All(loaded, p => Assert.True(p.Version == version, $"{notebook}: {id} resolved to {p.Version}, not {version}"));
            string source = string.Concat(NotebookFile.Read(result.NotebookPath).Cells.Select(cell => cell.Source + "\n"));
            Assert.Contains($"#r \"nuget: {id}, [{version}]\"", source);
        }
    }

    private static int Count(string text, string marker)
    {
        int count = 0;
        for (int at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>A notebook's test settings: reduced parameters and the values it must reach with them.</summary>
    private sealed record Sidecar(Dictionary<string, string> Parameters, List<Expectation> Expectations)
    {
        public static Sidecar Read(string notebook)
        {
            string path = Path.Combine(SidecarFolder, Path.ChangeExtension(notebook, ".json"));
            Assert.True(File.Exists(path), $"{notebook} has no test sidecar at {path}");
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var parameters = new Dictionary<string, string>();
            if (json.RootElement.TryGetProperty("parameters", out var p))
                foreach (var property in p.EnumerateObject())
                    parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            var expectations = new List<Expectation>();
            if (json.RootElement.TryGetProperty("expect", out var e))
                foreach (var item in e.EnumerateArray())
                    expectations.Add(new Expectation(
                        item.GetProperty("variable").GetString()!,
                        item.TryGetProperty("atLeast", out var min) ? min.GetDouble() : null,
                        item.TryGetProperty("atMost", out var max) ? max.GetDouble() : null,
                        item.TryGetProperty("equals", out var equal) ? equal.Clone() : null));
            Assert.True(expectations.Count > 0, $"{path} asserts nothing: add at least one expected value");
            return new Sidecar(parameters, expectations);
        }
    }

    private sealed record Expectation(string Variable, double? AtLeast, double? AtMost, JsonElement? EqualTo)
    {
        public void AssertHolds(string notebook, NotebookResult result)
        {
            object? value = result.Variable<object>(Variable);
            if (EqualTo is { } expected)
            {
                string actualText = value switch
                {
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value?.ToString() ?? "null",
                };
                string expectedText = expected.ValueKind == JsonValueKind.String ? expected.GetString()! : expected.GetRawText();
                Assert.True(actualText == expectedText, $"{notebook}: {Variable} = {actualText}, expected {expectedText}");
            }
            if (AtLeast is not null || AtMost is not null)
            {
                double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                Assert.True(AtLeast is null || number >= AtLeast, $"{notebook}: {Variable} = {number}, expected at least {AtLeast}");
                Assert.True(AtMost is null || number <= AtMost, $"{notebook}: {Variable} = {number}, expected at most {AtMost}");
            }
        }
    }
}
