namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// Where the chart PNGs go for a person to look at: <c>artifacts/charts/&lt;notebook&gt;/cell-NN-K.png</c> and the
/// contact sheet <c>artifacts/charts/&lt;notebook&gt;.png</c> (<c>artifacts/</c> is git-ignored).
/// </summary>
public static class ChartArtifacts
{
    /// <summary><c>&lt;repository&gt;/artifacts/charts</c>.</summary>
    // Computed on use: a caller outside the test output (a script) passes its own root instead.
    public static string DefaultRoot => Path.Combine(RepositoryRoot.Path, "artifacts", "charts");

    /// <summary>The notebook's name without <c>.ipynb</c> (and without any folder).</summary>
    public static string Name(string notebookName) =>
        Path.GetFileName(notebookName) is var file && file.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
            ? file[..^".ipynb".Length]
            : Path.GetFileName(notebookName);

    /// <summary>The folder of one notebook's chart PNGs.</summary>
    public static string Folder(string root, string notebookName) => Path.Combine(root, Name(notebookName));

    /// <summary><c>cell-NN-K.png</c> in the notebook's folder: chart <paramref name="index"/> of cell
    /// <paramref name="cellNumber"/> (two digits, so a file listing sorts in cell order).</summary>
    public static string ChartPng(string root, string notebookName, int cellNumber, int index) =>
        Path.Combine(Folder(root, notebookName), $"cell-{cellNumber:D2}-{index}.png");

    /// <summary>The notebook's contact sheet, beside its folder.</summary>
    public static string ContactSheet(string root, string notebookName) => Path.Combine(root, Name(notebookName) + ".png");
}
