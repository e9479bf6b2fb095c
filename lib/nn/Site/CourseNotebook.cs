using System.Text.RegularExpressions;
using Markdig.Syntax;
using NeuralNets.Notebooks;

namespace NeuralNets.Cli.Site;

/// <summary>
/// What the course map says about one executed notebook: its title (the first markdown heading), what it teaches
/// (the first paragraph after that heading), how many exercises (cells tagged <c>solution</c>) and charts it has, and
/// the page it becomes.
/// </summary>
public sealed partial record CourseNotebook(Notebook Notebook, string Title, string SummaryHtml, int Exercises, int Charts)
{
    /// <summary>The tag of a worked-answer cell (what <c>nn notebook student</c> turns into an exercise).</summary>
    public const string SolutionTag = "solution";

    /// <summary>The page's file name: <c>05-gradient-descent.ipynb</c> → <c>05-gradient-descent.html</c>.</summary>
    public string PageName => Path.ChangeExtension(Notebook.FileName, ".html");

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s*|\s+#+\s*$")]
    private static partial Regex HeadingMarks();

    /// <summary>Reads the facts of <paramref name="notebook"/>; a notebook without a heading is titled by its file name.</summary>
    public static CourseNotebook Describe(Notebook notebook)
    {
        string? title = null;
        string summary = "";
        foreach (var cell in notebook.Cells.Where(cell => cell.Kind == CellKind.Markdown))
        {
            var (document, source) = Markdown.Parse(cell.Source);
            foreach (var block in document.Descendants<LeafBlock>())
            {
                if (title is null && block is HeadingBlock)
                    title = HeadingMarks().Replace(Markdown.SourceOf(source, block), "").Trim();
                else if (title is not null && block is ParagraphBlock)
                {
                    summary = Markdown.ToHtml(Markdown.SourceOf(source, block)).Trim();
                    break;
                }
            }
            if (summary.Length > 0)
                break;
        }
        return new CourseNotebook(
            notebook,
            title ?? Path.GetFileNameWithoutExtension(notebook.FileName),
            summary,
            notebook.Cells.Count(cell => cell.HasTag(SolutionTag)),
            notebook.Cells.Sum(cell => cell.SavedOutputs.Count(output => output.IsPlotlyChart)));
    }
}
