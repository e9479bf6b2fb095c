using System.Text.Json.Nodes;

namespace NeuralNets.Notebooks.Tests;

/// <summary>The executed copy: outputs and execution counts written to the output folder, the source untouched.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class ExecutedCopyTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_copy_has_outputs_and_execution_counts_and_the_source_is_untouched()
    {
        var source = _folder.Add("state.ipynb");
        var before = File.ReadAllText(source);

        var result = await NotebookRunner.RunAsync(source, _folder.Options());

        Assert.Equal(before, File.ReadAllText(source));
        Assert.Equal(Path.Combine(_folder.Path, "out", "state.ipynb"), result.ExecutedCopyPath);
        var cells = JsonNode.Parse(File.ReadAllText(result.ExecutedCopyPath!))!["cells"]!.AsArray();
        Assert.Equal(6, cells.Count);
        Assert.Equal([null, 1, 2, 3, 4, 5], cells.Select(cell => cell!["execution_count"]?.GetValue<int>()));

        Assert.Equal("stream", cells[1]!["outputs"]![0]!["output_type"]!.GetValue<string>());
        Assert.Equal("hello 1\n", Text(cells[1]!["outputs"]![0]!["text"]!));
        var result4 = cells[3]!["outputs"]![0]!;
        Assert.Equal("execute_result", result4["output_type"]!.GetValue<string>());
        Assert.Equal(3, result4["execution_count"]!.GetValue<int>());
        Assert.Contains("<pre>42</pre>", Text(result4["data"]!["text/html"]!));
        var shown = cells[4]!["outputs"]!.AsArray();
        Assert.Equal(["display_data", "display_data", "display_data", "stream"], shown.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("epoch 1 of 3", Text(shown[0]!["data"]!["text/plain"]!));
        Assert.Equal("a warning\n", Text(shown[3]!["text"]!));
        // Everything the runner does not own is kept: the notebook metadata and the cells' sources.
        var original = JsonNode.Parse(before)!;
        // ...but for the one mark that says a run made this file, so a later run may replace it and nothing else.
        var metadata = JsonNode.Parse(File.ReadAllText(result.ExecutedCopyPath!))!["metadata"]!.AsObject();
        Assert.Equal("executed copy", metadata["nn"]!["madeBy"]!.GetValue<string>());
        // ...and how long the run took (the course map of `nn site` shows it), as the run itself measured it.
        var copy = NotebookFile.Read(result.ExecutedCopyPath!);
        Assert.InRange(copy.RunSeconds!.Value, 0.05, result.Seconds + 0.05);
        Assert.Empty(copy.RunParameters);
        metadata.Remove("nn");
        Assert.Equal(original["metadata"]!.ToJsonString(), metadata.ToJsonString());
        Assert.Equal(original["cells"]!.AsArray().Select(c => Text(c!["source"]!)), cells.Select(c => Text(c!["source"]!)));
    }

    [Fact]
    public async Task A_failed_run_still_writes_the_copy_with_an_error_output()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("exception.ipynb"), _folder.Options());

        var cells = JsonNode.Parse(File.ReadAllText(result.ExecutedCopyPath!))!["cells"]!.AsArray();
        var error = cells[2]!["outputs"]!.AsArray().Last()!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), line => line!.GetValue<string>().Contains("boom at line 3"));
        Assert.Null(cells[3]!["execution_count"]?.GetValue<int>());
    }

    [Fact]
    public async Task The_injected_parameters_cell_appears_in_the_copy_after_the_parameters_cell()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("parameters.ipynb"),
            _folder.Options(new Dictionary<string, string> { ["epochs"] = "1" }));

        var cells = JsonNode.Parse(File.ReadAllText(result.ExecutedCopyPath!))!["cells"]!.AsArray();
        Assert.Equal(4, cells.Count);
        Assert.Equal("injected-parameters", cells[2]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Contains("int epochs = 1;", Text(cells[2]!["source"]!));
        Assert.Equal(new Dictionary<string, string> { ["epochs"] = "1" }, NotebookFile.Read(result.ExecutedCopyPath!).RunParameters);
    }

    [Fact]
    public async Task No_copy_is_written_when_asked_not_to()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("state.ipynb"),
            new RunOptions { WriteExecutedCopy = false, OutputDirectory = Path.Combine(_folder.Path, "out") });

        Assert.Null(result.ExecutedCopyPath);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "out")));
    }

    [Fact]
    public async Task The_copy_never_overwrites_the_source()
    {
        var source = _folder.Add("state.ipynb");
        var before = File.ReadAllText(source);

        var result = await NotebookRunner.RunAsync(source, new RunOptions { OutputDirectory = _folder.Path });

        Assert.False(result.Succeeded);
        Assert.Contains("overwrite", result.Failure!.Message);
        Assert.Equal(before, File.ReadAllText(source));
    }

    [Fact]
    public async Task A_file_in_the_way_that_no_run_made_is_left_byte_identical()
    {
        var source = _folder.Add("state.ipynb");
        var output = Path.Combine(_folder.Path, "out");
        Directory.CreateDirectory(output);
        var theirs = Path.Combine(output, "state.ipynb");
        File.WriteAllText(theirs, "a learner's own notes");

        var result = await NotebookRunner.RunAsync(source, new RunOptions { OutputDirectory = output });

        Assert.False(result.Succeeded);
        Assert.Contains("is not an executed copy made by nn notebook run", result.Failure!.Message);
        Assert.Equal("a learner's own notes", File.ReadAllText(theirs));

        // A copy a run made is replaced by the next run.
        File.Delete(theirs);
        Assert.True((await NotebookRunner.RunAsync(source, new RunOptions { OutputDirectory = output })).Succeeded);
        Assert.True((await NotebookRunner.RunAsync(source, new RunOptions { OutputDirectory = output })).Succeeded);
    }

    private static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(line => line!.GetValue<string>())) : node.GetValue<string>();
}
