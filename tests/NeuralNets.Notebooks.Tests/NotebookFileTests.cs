namespace NeuralNets.Notebooks.Tests;

/// <summary>Reading <c>.ipynb</c> files: malformed ones are rejected with a message naming the file.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class NotebookFileTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("{ \"cells\": [", "bad.ipynb is not valid JSON")]
    [InlineData("[1, 2]", "bad.ipynb is not a notebook: its JSON is not an object")]
    [InlineData("{ \"nbformat\": 4, \"metadata\": {} }", "bad.ipynb is not a notebook: it has no 'cells' array")]
    [InlineData("{ \"nbformat\": 3, \"cells\": [] }", "bad.ipynb is not an nbformat 4 notebook")]
    [InlineData("{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"metadata\": {}, \"source\": 42 } ] }",
        "bad.ipynb: cell 1: 'source' must be a string or an array of strings")]
    [InlineData("{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"a\", 1] } ] }",
        "bad.ipynb: cell 1: 'source' must be a string or an array of strings")]
    [InlineData("{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"metadata\": { \"tags\": \"plot\" }, \"source\": \"\" } ] }",
        "bad.ipynb: cell 1: 'metadata.tags' must be an array of strings")]
    [InlineData("{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"picture\", \"source\": \"\" } ] }",
        "bad.ipynb: cell 1 has an unknown cell_type 'picture'")]
    public void Malformed_notebooks_are_rejected_naming_the_file(string json, string message)
    {
        var path = _folder.Write("bad.ipynb", json);

        var error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Read(path));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Source_reads_the_same_as_a_string_or_as_lines()
    {
        var path = _folder.Write("forms.ipynb",
            """{ "nbformat": 4, "cells": [ { "cell_type": "code", "source": "a\nb" }, { "cell_type": "code", "source": ["a\n", "b"] } ] }""");

        var notebook = NotebookFile.Read(path);

        Assert.Equal("a\nb", notebook.Cells[0].Source);
        Assert.Equal("a\nb", notebook.Cells[1].Source);
    }

    [Fact]
    public void Writing_and_reading_back_keeps_every_cell()
    {
        var notebook = NotebookFile.Read(_folder.Add("student.ipynb"));
        var copy = Path.Combine(_folder.Path, "copy", "student.ipynb");

        NotebookFile.Write(notebook, copy);
        var back = NotebookFile.Read(copy);

        Assert.Equal(notebook.Cells.Select(c => (c.Kind, c.Source, string.Join(",", c.Tags))),
            back.Cells.Select(c => (c.Kind, c.Source, string.Join(",", c.Tags))));
        Assert.Equal(File.ReadAllText(_folder.Add("student.ipynb", "again.ipynb")), File.ReadAllText(copy));
    }

    [Fact]
    public async Task A_malformed_notebook_run_fails_with_the_message_naming_the_file()
    {
        var path = _folder.Write("broken.ipynb", "{ not json");

        var result = await NotebookRunner.RunAsync(path, _folder.Options());

        Assert.Equal(FailureKind.Format, result.Failure!.Kind);
        Assert.StartsWith("broken.ipynb is not valid JSON", result.Failure.Message);
    }
}
