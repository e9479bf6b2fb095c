namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// Runs every course notebook in <c>notebooks/</c> end to end, each as its own test. Training notebooks get
/// reduced parameters from <see cref="ReducedParameters"/> so the suite stays quick; a notebook not listed runs
/// with its own defaults.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class CourseNotebookTests
{
    /// <summary>Notebook file name → parameter overrides (names as declared in its <c>parameters</c> cell).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReducedParameters =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            // ["03-backprop.ipynb"] = new Dictionary<string, string> { ["epochs"] = "1", ["trainingSize"] = "1000" },
        };

    /// <summary>What a run stands in for while the course has no notebooks yet.</summary>
    public const string NoNotebooksYet = "(no notebooks yet)";

    public static string NotebooksFolder => Path.Combine(RepositoryRoot.Path, "notebooks");

    /// <summary>One row per notebook; while there are none, one row that checks there really are none.</summary>
    public static TheoryData<string> Notebooks()
    {
        var names = Directory.Exists(NotebooksFolder)
            ? Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count > 0 ? new TheoryData<string>(names!) : new TheoryData<string>(NoNotebooksYet);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Course_notebook_runs_to_the_end(string notebook)
    {
        if (notebook == NoNotebooksYet)
        {
            Assert.Empty(Directory.Exists(NotebooksFolder) ? Directory.GetFiles(NotebooksFolder, "*.ipynb") : []);
            return;
        }
        var options = new RunOptions
        {
            Parameters = ReducedParameters.GetValueOrDefault(notebook) ?? new Dictionary<string, string>(),
            WriteExecutedCopy = false,
        };

        var result = await NotebookRunner.RunAsync(Path.Combine(NotebooksFolder, notebook), options);

        Assert.True(result.Succeeded, $"{notebook}: {result.Failure}\n{result.Output}");
    }

    [Fact]
    public void Every_reduced_parameter_entry_names_an_existing_notebook()
    {
        foreach (var name in ReducedParameters.Keys)
            Assert.True(File.Exists(Path.Combine(NotebooksFolder, name)), $"ReducedParameters lists {name}, which is not in notebooks/");
    }
}
