using System.Text.Json.Nodes;

namespace NeuralNets.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) as written by Polyglot Notebooks: an ordered list of cells plus metadata.
/// The whole JSON document is kept, so that a copy written back changes only what the runner changed
/// (outputs, execution counts, replaced cells) and keeps every other field as it was.
/// </summary>
public sealed class Notebook
{
    private readonly List<NotebookCell> _cells;

    internal Notebook(string path, JsonObject root, List<NotebookCell> cells)
    {
        Path = path;
        Root = root;
        _cells = cells;
    }

    /// <summary>The file the notebook was read from (full path).</summary>
    public string Path { get; }

    /// <summary>The notebook's cells in file order; <see cref="NotebookCell.Number"/> counts them from 1.</summary>
    public IReadOnlyList<NotebookCell> Cells => _cells;

    /// <summary>The file name without folder, e.g. <c>03-backprop.ipynb</c>; used in messages.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The JSON document; the cells' JSON objects are the elements of its <c>cells</c> array.</summary>
    internal JsonObject Root { get; }

    /// <summary>
    /// What made this file, if a command of this project did: <c>"executed copy"</c> or <c>"student edition"</c>,
    /// read from the notebook's metadata (<c>"nn": { "madeBy": ... }</c>); null for a notebook a person wrote.
    /// Commands overwrite only files they made for the same purpose.
    /// </summary>
    public string? MadeBy => Root["metadata"]?["nn"]?["madeBy"]?.GetValue<string>();

    /// <summary>Records in the metadata that a command made this file (see <see cref="MadeBy"/>) and from which notebook.</summary>
    internal void MarkMadeBy(string purpose, string sourceFileName)
    {
        if (Root["metadata"] is not JsonObject metadata)
            Root["metadata"] = metadata = new JsonObject();
        metadata["nn"] = new JsonObject { ["madeBy"] = purpose, ["from"] = sourceFileName };
    }

    /// <summary>
    /// For an executed copy: how long its run took, in seconds, kernel start and package restore included (as
    /// <c>nn notebook run</c>'s summary reports it); null for any other file.
    /// </summary>
    public double? RunSeconds => Root["metadata"]?["nn"]?["seconds"] is JsonValue value && value.TryGetValue<double>(out var seconds) ? seconds : null;

    /// <summary>For an executed copy: the parameters the run injected (<c>--param</c>); empty for a run at the
    /// notebook's own values, and for any other file.</summary>
    public IReadOnlyDictionary<string, string> RunParameters =>
        Root["metadata"]?["nn"]?["parameters"] is JsonObject parameters
            ? parameters.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "")
            : new Dictionary<string, string>();

    /// <summary>Records on an executed copy how long its run took and with which parameters (see <see cref="RunSeconds"/>).</summary>
    internal void RecordRun(double seconds, IReadOnlyDictionary<string, string> parameters)
    {
        if (Root["metadata"]?["nn"] is not JsonObject nn)
            throw new InvalidOperationException("mark the notebook as made by a command first (MarkMadeBy)");
        nn["seconds"] = Math.Round(seconds, 1);
        if (parameters.Count > 0)
            nn["parameters"] = new JsonObject(parameters.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
    }

    /// <summary>The <see cref="MadeBy"/> of an executed copy.</summary>
    public const string ExecutedCopy = "executed copy";

    /// <summary>The <see cref="MadeBy"/> of a student edition.</summary>
    public const string StudentEdition = "student edition";

    /// <summary>A deep copy, so that an executed or student copy never touches the notebook it came from.</summary>
    public Notebook Clone() => NotebookFile.Parse(Root.ToJsonString(), Path);

    /// <summary>Puts <paramref name="cell"/> right after the cell at <paramref name="index"/> (0-based).</summary>
    internal void InsertAfter(int index, NotebookCell cell)
    {
        var array = (JsonArray)Root["cells"]!;
        array.Insert(index + 1, cell.Json);
        _cells.Insert(index + 1, cell);
        Renumber();
    }

    /// <summary>Replaces the cell at <paramref name="index"/> (0-based) by <paramref name="cell"/>.</summary>
    internal void Replace(int index, NotebookCell cell)
    {
        var array = (JsonArray)Root["cells"]!;
        array[index] = cell.Json;
        _cells[index] = cell;
        Renumber();
    }

    private void Renumber()
    {
        for (var i = 0; i < _cells.Count; i++)
            _cells[i].Number = i + 1;
    }
}
