using System.Globalization;
using System.Text.Json;

namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// Runs every course notebook in <c>notebooks/</c> end to end, each as its own test, with the reduced parameters
/// and the expected values of its sidecar <c>Course/NN-name.json</c>:
/// <code>{ "parameters": { "epochs": "1" }, "expect": [ { "variable": "testAccuracy", "atLeast": 0.9 } ] }</code>
/// Every exercise check must pass in the full edition and fail in the student edition.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class CourseNotebookTests
{
    private const string PassMarker = "✅ PASS";      // NeuralNets.Exercises.CheckResult's markers
    private const string FailMarker = "❌ NOT YET";

    static CourseNotebookTests()
    {
        // As .ci/run does: MNIST from ../shared beside the repository when MNIST_DIR is not set.
        string shared = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "data", "mnist"));
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MNIST_DIR")) && Directory.Exists(shared))
            Environment.SetEnvironmentVariable("MNIST_DIR", shared);
    }

    public static string NotebooksFolder => Path.Combine(RepositoryRoot.Path, "notebooks");

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
            new RunOptions { Parameters = sidecar.Parameters, WriteExecutedCopy = false });

        Assert.True(result.Succeeded, $"{notebook}: {result.Failure}\n{result.Output}");
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
            var result = await NotebookRunner.RunAsync(path, new RunOptions { Parameters = sidecar.Parameters, WriteExecutedCopy = false });

            Assert.True(result.Succeeded, $"student edition of {notebook}: {result.Failure}\n{result.Output}");
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
