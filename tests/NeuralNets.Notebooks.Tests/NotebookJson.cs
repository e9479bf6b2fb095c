using System.Text.Json.Nodes;

namespace NeuralNets.Notebooks.Tests;

/// <summary>Writes small Polyglot C# notebooks in code, for tests that need many variants of one cell.</summary>
public static class NotebookJson
{
    /// <summary>A code cell: its source, tags and Polyglot kernel name.</summary>
    public sealed record CodeCell(string Source, string[]? Tags = null, string Kernel = "csharp");

    /// <summary>A notebook of C# code cells with these sources.</summary>
    public static string Create(params string[] sources) => Create(sources.Select(source => new CodeCell(source)).ToArray());

    /// <summary>A notebook with these code cells and the metadata Polyglot Notebooks writes.</summary>
    public static string Create(params CodeCell[] cells)
    {
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = cell.Kernel } };
            if (cell.Tags is { Length: > 0 } tags)
                metadata["tags"] = new JsonArray(tags.Select(tag => (JsonNode)tag).ToArray());
            array.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = metadata,
                ["outputs"] = new JsonArray(),
                ["source"] = cell.Source,
            });
        }
        return new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "csharp" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString();
    }
}
