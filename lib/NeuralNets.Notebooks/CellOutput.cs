using System.Text;
using System.Text.Json.Nodes;

namespace NeuralNets.Notebooks;

/// <summary>The four kinds of output nbformat 4 stores for a code cell.</summary>
public enum CellOutputKind
{
    /// <summary>Text written to the console (<c>stream</c>, name <c>stdout</c> or <c>stderr</c>).</summary>
    Stream,

    /// <summary>A value shown by <c>display(...)</c> (<c>display_data</c>).</summary>
    Display,

    /// <summary>The value of the cell's trailing expression (<c>execute_result</c>).</summary>
    Result,

    /// <summary>A compile error or an exception (<c>error</c>).</summary>
    Error,
}

/// <summary>
/// One output of a code cell, as the kernel sent it. Values are stored as MIME type → text (the kernel sends
/// <c>text/html</c> and <c>text/plain</c> for most values; a Plotly chart is <c>text/html</c>). A displayed output is
/// replaced when the kernel sends an update with its display id, so reads and writes are locked.
/// </summary>
public sealed class CellOutput
{
    private readonly object _gate = new();
    private readonly StringBuilder _streamText = new();
    private IReadOnlyDictionary<string, string> _data;

    private CellOutput(CellOutputKind kind, string? streamName, IReadOnlyDictionary<string, string> data)
    {
        Kind = kind;
        StreamName = streamName;
        _data = data;
    }

    /// <summary>Stream, display, result or error.</summary>
    public CellOutputKind Kind { get; }

    /// <summary><c>stdout</c> or <c>stderr</c> for a stream output; null otherwise.</summary>
    public string? StreamName { get; }

    /// <summary>The kernel's display id of a displayed value (what an update targets); null otherwise.</summary>
    public string? DisplayId { get; private init; }

    /// <summary>For an error: the exception type or <c>CompilationError</c>.</summary>
    public string? ErrorName { get; private init; }

    /// <summary>The value as MIME type → text; empty for streams and errors.</summary>
    public IReadOnlyDictionary<string, string> Data
    {
        get { lock (_gate) return _data; }
    }

    /// <summary>What a reader sees as text: the stream text, the value's <c>text/plain</c> (or its HTML without the
    /// tags when the kernel sent only HTML), or the error message.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                if (Kind == CellOutputKind.Stream)
                    return _streamText.ToString();
                if (_data.TryGetValue("text/plain", out var plain))
                    return plain;
                return _data.TryGetValue("text/html", out var html) ? HtmlText.Strip(html) : "";
            }
        }
    }

    /// <summary>True if this output is a Plotly chart (the HTML that Plotly.NET.Interactive renders).</summary>
    public bool IsPlotlyChart
    {
        get
        {
            lock (_gate)
                return _data.TryGetValue("text/html", out var html) && html.Contains("Plotly.newPlot", StringComparison.Ordinal);
        }
    }

    /// <summary>Console text; later writes to the same stream are appended.</summary>
    internal static CellOutput Stream(string name, string text)
    {
        var output = new CellOutput(CellOutputKind.Stream, name, new Dictionary<string, string>());
        output._streamText.Append(text);
        return output;
    }

    internal static CellOutput Display(IReadOnlyDictionary<string, string> data, string? displayId) =>
        new(CellOutputKind.Display, null, data) { DisplayId = displayId };

    internal static CellOutput Result(IReadOnlyDictionary<string, string> data) => new(CellOutputKind.Result, null, data);

    internal static CellOutput Error(string name, string message, IReadOnlyList<string> traceback) =>
        new(CellOutputKind.Error, null, new Dictionary<string, string> { ["text/plain"] = message })
        {
            ErrorName = name,
            Traceback = traceback,
        };

    /// <summary>An output as nbformat 4 stores it (what <see cref="ToJson"/> writes); null for an output type
    /// nbformat does not define.</summary>
    internal static CellOutput? FromJson(JsonObject json)
    {
        return (string?)json["output_type"] switch
        {
            "stream" => Stream((string?)json["name"] ?? "stdout", Text(json["text"])),
            "display_data" => Display(Data(json["data"]), null),
            "execute_result" => Result(Data(json["data"])),
            "error" => Error((string?)json["ename"] ?? "Error", (string?)json["evalue"] ?? "",
                json["traceback"] is JsonArray lines ? lines.Select(line => (string?)line ?? "").ToList() : []),
            _ => null,
        };

        // nbformat stores text as one string or as an array of lines to concatenate.
        static string Text(JsonNode? node) => node switch
        {
            JsonArray lines => string.Concat(lines.Select(line => line is JsonValue value && value.TryGetValue<string>(out var text) ? text : "")),
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => "",
        };

        static Dictionary<string, string> Data(JsonNode? node) =>
            node is JsonObject data ? data.ToDictionary(pair => pair.Key, pair => Text(pair.Value)) : [];
    }

    internal IReadOnlyList<string> Traceback { get; private init; } = [];

    internal void AppendStream(string text)
    {
        lock (_gate)
            _streamText.Append(text);
    }

    internal void ReplaceData(IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
            _data = data;
    }

    /// <summary>The nbformat 4 JSON of this output; <paramref name="executionCount"/> goes into an execute_result.</summary>
    internal JsonObject ToJson(int? executionCount)
    {
        lock (_gate)
        {
            return Kind switch
            {
                CellOutputKind.Stream => new JsonObject
                {
                    ["output_type"] = "stream",
                    ["name"] = StreamName,
                    ["text"] = Lines(_streamText.ToString()),
                },
                CellOutputKind.Display => new JsonObject
                {
                    ["output_type"] = "display_data",
                    ["data"] = DataJson(),
                    // The display id is not saved: nbformat 4 keeps it only while the kernel runs ("transient").
                    ["metadata"] = new JsonObject(),
                },
                CellOutputKind.Result => new JsonObject
                {
                    ["output_type"] = "execute_result",
                    ["data"] = DataJson(),
                    ["execution_count"] = executionCount,
                    ["metadata"] = new JsonObject(),
                },
                _ => new JsonObject
                {
                    ["output_type"] = "error",
                    ["ename"] = ErrorName,
                    ["evalue"] = _data.GetValueOrDefault("text/plain", ""),
                    ["traceback"] = new JsonArray(Traceback.Select(line => (JsonNode)JsonValue.Create(line)!).ToArray()),
                },
            };
        }
    }

    private JsonObject DataJson()
    {
        var data = new JsonObject();
        foreach (var (mimeType, text) in _data)
            data[mimeType] = Lines(text);
        return data;
    }

    private static JsonArray Lines(string text) =>
        new(NotebookCell.SplitLines(text).Select(line => (JsonNode)JsonValue.Create(line)!).ToArray());
}
