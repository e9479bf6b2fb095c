namespace NeuralNets.Notebooks.Tests;

/// <summary>Reading the kernel's directives out of a cell (no notebook runs).</summary>
public sealed class CellDirectivesTests
{
    private static PreparedCell Prepare(string source, string kernel = "csharp")
    {
        var notebook = NotebookFile.Parse(NotebookJson.Create(new NotebookJson.CodeCell(source, Kernel: kernel)), "/course/notebooks/x.ipynb");
        return CellDirectives.Prepare(notebook.Cells[0], "/course/notebooks");
    }

    [Fact]
    public void Package_directives_are_taken_out_and_lines_keep_their_numbers()
    {
        var cell = Prepare("#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"nuget:Plotly.NET\"\n#r \"../build/NeuralNets.dll\"\nvar x = 1;");

        Assert.Equal(["MathNet.Numerics 5.0.0", "Plotly.NET *"], cell.Packages.Select(p => p.ToString()));
        Assert.Equal("\n\n#r \"../build/NeuralNets.dll\"\nvar x = 1;", cell.Code);
        Assert.Equal(["/course/build"], cell.ReferenceFolders);
    }

    [Fact]
    public void Package_sources_are_read_and_local_ones_made_absolute()
    {
        var cell = Prepare("#i \"nuget: https://example.org/v3/index.json\"\n#i \"nuget: ../feed\"");

        Assert.Equal(["https://example.org/v3/index.json", "/course/feed"], cell.RestoreSources);
        Assert.Equal("\n", cell.Code);
    }

    [Fact]
    public void A_markdown_marker_turns_the_rest_of_the_cell_into_text()
    {
        var cell = Prepare("#!markdown\n# Title\nvar notCode = 1;");

        Assert.True(cell.IsMarkdown);
        Assert.Equal("\n\n", cell.Code);
    }

    [Fact]
    public void A_malformed_package_reference_names_itself()
    {
        var error = Assert.Throws<DirectiveException>(() => Prepare("#r \"nuget: \""));

        Assert.Equal(1, error.Line);
        Assert.Contains("#r \"nuget:\"", error.Message);
    }

    [Fact]
    public void Preprocessor_lines_that_only_look_similar_are_left_to_csharp()
    {
        var cell = Prepare("#region setup\nint x = 1;\n#endregion");

        Assert.Equal("#region setup\nint x = 1;\n#endregion", cell.Code);
        Assert.Empty(cell.Packages);
    }
}
