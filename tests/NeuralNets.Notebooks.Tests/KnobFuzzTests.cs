namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// Tries every knob of every course notebook at boundary values (0, -1, 1, a huge number, NaN, an empty list) the
/// way a learner would type them into the <c>parameters</c> cell, and runs the notebook's knob check on each: it
/// must either accept the value or reject it with a message naming that knob, and it must reject every value that
/// cannot be meant (a negative count, NaN). One kernel per notebook runs all its cases.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class KnobFuzzTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Notebooks() => CourseNotebookTests.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_knob_at_a_boundary_value_is_accepted_or_rejected_by_name(string notebookName)
    {
        var notebook = NotebookFile.Read(Path.Combine(CourseNotebookTests.NotebooksFolder, notebookName));
        var parameters = NotebookParameters.FindCell(notebook)!;
        var knobCell = notebook.Cells[parameters.Number];   // the cell right after it
        Assert.Contains("new Knobs()", knobCell.Source);
        var setup = notebook.Cells.First(cell => cell.Source.Contains("../build/NeuralNets.dll", StringComparison.Ordinal));

        var cases = new List<(string Knob, string Value, bool MustReject)>();
        foreach (var knob in NotebookParameters.Declared(notebook))
            foreach (var (value, mustReject) in BoundaryValues(knob.Type))
                cases.Add((knob.Name, value, mustReject));
        Assert.NotEmpty(cases);

        var cells = new List<string> { setup.Source, "var outcomes = new List<string>();" };
        foreach (var (knob, value, _) in cases)
        {
            cells.Add(parameters.Source);
            cells.Add(NotebookParameters.InjectedCode(notebook, new Dictionary<string, string> { [knob] = value }, ignoreUndeclared: false));
            cells.Add($"try {{ {knobCell.Source}\n outcomes.Add(\"ok\"); }} catch (KnobException e) {{ outcomes.Add(e.Message.Replace(\"\\n\", \" \")); }}");
        }
        cells.Add("string allOutcomes = string.Join(\"\\n\", outcomes);");
        // Beside notebooks/, so that the setup cell's ../build/NeuralNets.dll resolves.
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "student")).FullName;
        var path = Path.Combine(folder, $"knob-fuzz-{Guid.NewGuid():N}-{notebookName}");
        File.WriteAllText(path, NotebookJson.Create(cells.ToArray()));
        try
        {
            var result = await NotebookRunner.RunAsync(path, new RunOptions { WriteExecutedCopy = false, PackageSources = CourseNotebookTests.PackageSources });

            Assert.True(result.Succeeded, $"{notebookName}: {result.Failure}");
            var outcomes = result.Variable<string>("allOutcomes")!.Split('\n');
            Assert.Equal(cases.Count, outcomes.Length);
            for (int i = 0; i < cases.Count; i++)
            {
                var (knob, value, mustReject) = cases[i];
                string outcome = outcomes[i];
                if (outcome == "ok")
                    Assert.False(mustReject, $"{notebookName}: {knob} = {value} was accepted");
                else
                    Assert.True(outcome.Contains($"'{knob}'", StringComparison.Ordinal) || outcome.Contains($"knobs {knob}", StringComparison.Ordinal)
                                || outcome.Contains($", {knob}", StringComparison.Ordinal),
                        $"{notebookName}: {knob} = {value} was rejected without naming it: {outcome}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The values a learner might type, and whether each can never be meant.</summary>
    private static IEnumerable<(string Value, bool MustReject)> BoundaryValues(string type) => type switch
    {
        "int" => [("0", false), ("1", false), ("-1", true), ("2000000000", false)],
        "long" => [("0", false), ("-1", true)],
        "double" or "float" => [("0", false), ("1", false), ("-1", false), ("1e300", false), ("NaN", true)],
        "int[]" => [("", true), ("0", false), ("-1", true)],
        "double[]" => [("", true), ("0", false), ("NaN", true)],
        "string" => [("", false)],
        _ => [],
    };
}
