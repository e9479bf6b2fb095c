using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuralNets.Notebooks;

/// <summary>Reads and writes <c>.ipynb</c> files (nbformat 4, the format Polyglot Notebooks saves).</summary>
public static class NotebookFile
{
    // Jupyter writes one-space indents and leaves '<', '>' and non-ASCII text readable; so do we,
    // so that an executed copy diffs cleanly against what an editor saves.
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads and checks a notebook.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, is not JSON, or is not an nbformat 4 notebook.</exception>
    public static Notebook Read(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new NotebookFormatException($"{path}: no such notebook file.");
        return Parse(File.ReadAllText(fullPath), fullPath);
    }

    /// <summary>Reads a notebook from its JSON text; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="NotebookFormatException">The text is not JSON, or not an nbformat 4 notebook.</exception>
    public static Notebook Parse(string json, string path)
    {
        var name = System.IO.Path.GetFileName(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{name} is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject document)
            throw new NotebookFormatException($"{name} is not a notebook: its JSON is not an object.");
        if (document["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out var version) || version != 4)
            throw new NotebookFormatException($"{name} is not an nbformat 4 notebook ('nbformat' must be 4).");
        if (document["cells"] is not JsonArray cellArray)
            throw new NotebookFormatException($"{name} is not a notebook: it has no 'cells' array.");

        var cells = new List<NotebookCell>();
        foreach (var node in cellArray)
        {
            var number = cells.Count + 1;
            if (node is not JsonObject cell)
                throw new NotebookFormatException($"{name}: cell {number} is not a JSON object.");
            var kind = ReadKind(cell, name, number);
            CheckSource(cell, name, number);
            CheckTags(cell, name, number);
            cells.Add(new NotebookCell(cell, number, kind));
        }
        return new Notebook(path, document, cells);
    }

    /// <summary>Writes <paramref name="notebook"/> as JSON to <paramref name="path"/>, creating its folder if needed.
    /// The text goes to a temporary file first and is then moved into place, so a crash never leaves half a notebook.</summary>
    public static void Write(Notebook notebook, string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, ToJson(notebook));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The text <see cref="Write"/> writes.</summary>
    public static string ToJson(Notebook notebook) => notebook.Root.ToJsonString(WriteOptions) + "\n";

    /// <summary>The file's real path: the full path with every symbolic link on the way resolved, so that two names
    /// of one file compare equal.</summary>
    public static string RealPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var parent = System.IO.Path.GetDirectoryName(full);
        if (parent is null)
            return full;
        var realParent = RealPath(parent);
        var candidate = System.IO.Path.Combine(realParent, System.IO.Path.GetFileName(full));
        var info = new FileInfo(candidate);
        if (info.LinkTarget is not null)
            return RealPath(info.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
        return candidate;
    }

    /// <summary>True if <paramref name="a"/> and <paramref name="b"/> name the same file, links followed.</summary>
    public static bool SameFile(string a, string b) => string.Equals(RealPath(a), RealPath(b), StringComparison.Ordinal);

    private static CellKind ReadKind(JsonObject cell, string name, int number) =>
        cell["cell_type"] is JsonValue type && type.TryGetValue<string>(out var text)
            ? text switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                "raw" => CellKind.Raw,
                _ => throw new NotebookFormatException($"{name}: cell {number} has an unknown cell_type '{text}'."),
            }
            : throw new NotebookFormatException($"{name}: cell {number} has no 'cell_type' string.");

    private static void CheckSource(JsonObject cell, string name, int number)
    {
        var valid = cell["source"] switch
        {
            JsonValue value => value.TryGetValue<string>(out _),
            JsonArray lines => lines.All(line => line is JsonValue value && value.TryGetValue<string>(out _)),
            _ => false,
        };
        if (!valid)
            throw new NotebookFormatException($"{name}: cell {number}: 'source' must be a string or an array of strings.");
    }

    private static void CheckTags(JsonObject cell, string name, int number)
    {
        var tags = cell["metadata"]?["tags"];
        if (tags is null)
            return;
        if (tags is not JsonArray array || !array.All(tag => tag is JsonValue value && value.TryGetValue<string>(out _)))
            throw new NotebookFormatException($"{name}: cell {number}: 'metadata.tags' must be an array of strings.");
    }
}
