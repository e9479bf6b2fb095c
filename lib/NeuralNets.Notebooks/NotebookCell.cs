using System.Text.Json.Nodes;

namespace NeuralNets.Notebooks;

/// <summary>What a cell holds, from its <c>cell_type</c>.</summary>
public enum CellKind
{
    /// <summary>Code the kernel runs (<c>"code"</c>).</summary>
    Code,

    /// <summary>Text for the reader (<c>"markdown"</c>).</summary>
    Markdown,

    /// <summary>Text shown as it is (<c>"raw"</c>).</summary>
    Raw,
}

/// <summary>
/// One cell of a <see cref="Notebook"/>: a view over the cell's JSON object that reads and writes the fields
/// the runner uses (source, tags, kernel name, outputs, execution count) and leaves every other field alone.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, int number, CellKind kind)
    {
        Json = json;
        Number = number;
        Kind = kind;
    }

    /// <summary>Position in the notebook, counting every cell (markdown too) from 1: the number messages use.</summary>
    public int Number { get; internal set; }

    /// <summary>The cell's nbformat 4.5 id (<c>id</c>), or null for an older notebook. The grader matches a learner's
    /// answer to the teacher's exercise by it.</summary>
    public string? Id => Json["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The cell's text. nbformat stores it as one string or as an array of lines; both read the same.</summary>
    public string Source
    {
        get => Json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(line => line!.GetValue<string>())),
            JsonValue text => text.GetValue<string>(),
            _ => "",
        };
        // Written the way Jupyter writes it: one string per line, each but the last ending in "\n".
        set => Json["source"] = new JsonArray(SplitLines(value).Select(line => (JsonNode)JsonValue.Create(line)!).ToArray());
    }

    /// <summary>The cell's tags (<c>metadata.tags</c>), e.g. <c>parameters</c>, <c>plot</c>, <c>solution</c>.</summary>
    public IReadOnlyList<string> Tags
    {
        get => Json["metadata"]?["tags"] is JsonArray tags
            ? tags.Select(tag => tag!.GetValue<string>()).ToList()
            : [];
        set
        {
            var metadata = Metadata();
            if (value.Count == 0)
                metadata.Remove("tags");
            else
                metadata["tags"] = new JsonArray(value.Select(tag => (JsonNode)JsonValue.Create(tag)!).ToArray());
        }
    }

    /// <summary>The Polyglot kernel the cell is for (<c>metadata.polyglot_notebook.kernelName</c>), or null if unset.</summary>
    public string? KernelName =>
        Json["metadata"]?["polyglot_notebook"]?["kernelName"] is JsonValue name && name.TryGetValue<string>(out var text)
            ? text
            : null;

    /// <summary>The outputs saved in the file, e.g. an executed copy's, in order; empty for a cell without any (a
    /// markdown cell, or code that was never run). Read from the JSON on each call.</summary>
    public IReadOnlyList<CellOutput> SavedOutputs =>
        Json["outputs"] is JsonArray outputs
            ? outputs.OfType<JsonObject>().Select(CellOutput.FromJson).OfType<CellOutput>().ToList()
            : [];

    /// <summary>True if the cell carries <paramref name="tag"/> (case-sensitive, as papermill compares).</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>The cell's JSON object, an element of the notebook's <c>cells</c> array.</summary>
    internal JsonObject Json { get; }

    /// <summary>Sets the outputs and execution count of a code cell (null count: not executed).</summary>
    internal void SetExecution(IEnumerable<CellOutput> outputs, int? executionCount)
    {
        Json["outputs"] = new JsonArray(outputs.Select(output => (JsonNode)output.ToJson(executionCount)).ToArray());
        Json["execution_count"] = executionCount;
    }

    /// <summary>A new code cell for the C# kernel, with the metadata Polyglot Notebooks writes.</summary>
    internal static NotebookCell CreateCode(string source, IReadOnlyList<string> tags)
    {
        var json = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject
            {
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            },
            ["outputs"] = new JsonArray(),
        };
        var cell = new NotebookCell(json, 0, CellKind.Code) { Source = source };
        cell.Tags = tags;
        return cell;
    }

    private JsonObject Metadata()
    {
        if (Json["metadata"] is JsonObject metadata)
            return metadata;
        metadata = new JsonObject();
        Json["metadata"] = metadata;
        return metadata;
    }

    internal static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n')
                continue;
            yield return text[start..(i + 1)];
            start = i + 1;
        }
        if (start < text.Length)
            yield return text[start..];
    }
}
