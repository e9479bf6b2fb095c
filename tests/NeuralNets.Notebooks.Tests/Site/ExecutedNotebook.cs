using System.Text.Json.Nodes;
using NeuralNets.Notebooks.Tests.Browser;

namespace NeuralNets.Notebooks.Tests.Site;

/// <summary>
/// A small executed notebook written by hand, in the shape <c>nn notebook run</c> saves: a heading and a first
/// paragraph, inline and display equations, a knobs cell, a code cell with a text output, a worked answer with the
/// check cell after it, and a Plotly.NET chart. The site tests build from it instead of running a kernel.
/// </summary>
public static class ExecutedNotebook
{
    /// <summary>The heading the course map shows.</summary>
    public const string Title = "02 · Sigmoid neurons";

    /// <summary>Text of the worked answer's code, to find it in the page.</summary>
    public const string SolutionCode = "double Answer() => 42; // the worked answer";

    /// <summary>What the kernel shows under a <c>#r "nuget: ..."</c> cell.</summary>
    public const string PackageReport = "<div><div><strong>Restore sources</strong><ul><li><span> /work/shared/nuget</span></li></ul></div>"
        + "<div></div><div><strong>Installed Packages</strong><ul><li><span>MathNet.Numerics, 5.0.0</span></li></ul></div></div>";

    /// <summary>What the kernel shows when a package brings a kernel extension (Plotly.NET.Interactive does).</summary>
    public const string ExtensionLoadNote = "Loading extensions from `/root/.nuget/packages/plotly.net.interactive/5.0.0/lib/netstandard2.1/Plotly.NET.Interactive.dll`";

    /// <summary>The JSON of the notebook; <paramref name="linkTo"/> names another notebook the text links to.</summary>
    public static string Json(string? linkTo = null)
    {
        var link = linkTo is null ? "" : $" Before this, read [the previous notebook]({linkTo}).";
        var cells = new JsonArray
        {
            Markdown($"# {Title}\n\nA sigmoid neuron squashes $z = w \\cdot x + b$ into $(0, 1)$, with $x^2$ for good measure.{link}"),
            Markdown("The sigmoid function:\n\n$$\\sigma(z)=\\frac{1}{1+e^{-z}}$$\n\nand as a block:\n\n$$\n\\sigma'(z) = \\sigma(z)(1-\\sigma(z))\n$$"),
            // Over several lines, as the course writes its longer equations: Markdig alone leaves this as text.
            Markdown("The chain rule:\n\n$$\\frac{\\partial C}{\\partial w}\n = \\frac{\\partial z}{\\partial w}\\,\\frac{\\partial C}{\\partial z}. \\tag{1}$$\n\nThat is all: an average $C = \\frac1n\n\\sum_x C_x$ wraps like this."),
            Code("#r \"nuget: MathNet.Numerics, 5.0.0\"", outputs: [Display(new JsonObject { ["text/html"] = PackageReport }),
                Display(new JsonObject { ["text/plain"] = ExtensionLoadNote })]),
            Code("double eta = 0.5;   // the learning rate", ["parameters"]),
            Code("Console.WriteLine(\"sigma(0) = 0.5\");", outputs: [Stream("sigma(0) = 0.5\n")]),
            Code("1 + 1", outputs: [Result(new JsonObject { ["text/plain"] = "2" })]),
            Markdown("**Exercise 1.** Write `Answer`."),
            Code(SolutionCode, ["solution"]),
            Code("Check.Exercise1(Answer);", outputs: [Display(new JsonObject { ["text/html"] = "<pre>✅ PASS — Exercise 1</pre>", ["text/plain"] = "PASS" })]),
            Code("Chart.Line(xs, ys)", outputs: [Display(new JsonObject
            {
                ["text/html"] = PlotlyNetHtml.Chart(
                    """[{"type":"scatter","mode":"lines","x":[-4,-2,0,2,4],"y":[0.018,0.119,0.5,0.881,0.982]}]""",
                    """{"width":600,"height":300,"title":{"text":"sigmoid"}}"""),
            })]),
        };
        return new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["nn"] = new JsonObject
                {
                    ["madeBy"] = Notebook.ExecutedCopy, ["from"] = "02-sigmoid.ipynb", ["seconds"] = 12.3,
                    ["parameters"] = new JsonObject { ["epochs"] = "1" },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString();
    }

    /// <summary>A folder holding two executed notebooks, the second linking to the first; returns the folder.</summary>
    public static string WriteCourse(TestFolder folder)
    {
        folder.Write("executed/01-first.ipynb", Json());
        folder.Write("executed/02-sigmoid.ipynb", Json(linkTo: "01-first.ipynb"));
        return Path.Combine(folder.Path, "executed");
    }

    private static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };

    private static JsonObject Code(string source, string[]? tags = null, JsonObject[]? outputs = null)
    {
        var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
        if (tags is not null)
            metadata["tags"] = new JsonArray(tags.Select(tag => (JsonNode)tag).ToArray());
        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = 1,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray((outputs ?? []).Select(output => (JsonNode)output).ToArray()),
            ["source"] = source,
        };
    }

    private static JsonObject Stream(string text) => new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text };

    private static JsonObject Result(JsonObject data) => new()
    {
        ["output_type"] = "execute_result", ["data"] = data, ["execution_count"] = 1, ["metadata"] = new JsonObject(),
    };

    private static JsonObject Display(JsonObject data) => new()
    {
        ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject(),
    };
}
