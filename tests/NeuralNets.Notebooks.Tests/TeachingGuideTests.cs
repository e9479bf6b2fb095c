using System.Text.RegularExpressions;

namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// Keeps the teacher's guide (<c>docs/teaching.md</c>) true to the notebooks: every notebook has its section, and every
/// cell the guide cites (<c>cell 21 “Why not start from zero?”</c>) still holds the words quoted, so a renumbered or
/// rewritten notebook fails here instead of sending a teacher to the wrong cell.
/// </summary>
public sealed partial class TeachingGuideTests
{
    private static string GuidePath => Path.Combine(RepositoryRoot.Path, "docs", "teaching.md");

    /// <summary>A notebook's section: from a heading <c>### NN Title</c> that links <c>../notebooks/NN-name.ipynb</c> to the next heading.</summary>
    private sealed record Section(string Notebook, string Text);

    [GeneratedRegex(@"\(\.\./notebooks/(\d\d-[a-z0-9-]+\.ipynb)\)")]
    private static partial Regex NotebookLink();

    [GeneratedRegex(@"[Cc]ell (\d+),? “([^”]+)”")]
    private static partial Regex CellCitation();

    private static List<Section> Sections()
    {
        var sections = new List<Section>();
        foreach (string part in Regex.Split(File.ReadAllText(GuidePath), @"^### ", RegexOptions.Multiline).Skip(1))
        {
            string heading = part.Split('\n')[0];
            var link = NotebookLink().Match(heading);
            if (link.Success)
                sections.Add(new Section(link.Groups[1].Value, part));
        }
        return sections;
    }

    [Fact]
    public void Every_notebook_has_a_section_with_its_run_time_and_sources()
    {
        var sections = Sections();
        var notebooks = Directory.GetFiles(CourseNotebookTests.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(notebooks);
        Assert.Equal(notebooks, sections.Select(s => s.Notebook).Order());
        foreach (var section in sections)
        {
            Assert.Matches(@"\*\*Runs in\*\*\s+[0-9.]+ s", section.Text);
            Assert.Contains("**Learner's time**", section.Text);
            Assert.Contains("**Misconceptions**", section.Text);
            Assert.Contains("**Weighs most:**", section.Text);
        }
    }

    [Fact]
    public void Every_cited_cell_holds_the_words_the_guide_quotes()
    {
        int citations = 0;
        foreach (var section in Sections())
        {
            var cells = NotebookFile.Read(Path.Combine(CourseNotebookTests.NotebooksFolder, section.Notebook)).Cells;
            foreach (Match citation in CellCitation().Matches(section.Text))
            {
                int number = int.Parse(citation.Groups[1].Value);
                // The guide wraps its lines, the notebooks theirs: compare with every run of white space as one space.
                string quoted = OneSpace(citation.Groups[2].Value);
                Assert.True(number >= 1 && number <= cells.Count, $"{section.Notebook}: the guide cites cell {number}; it has {cells.Count} cells");
                string source = OneSpace(cells[number - 1].Source);
                Assert.True(source.Contains(quoted, StringComparison.Ordinal),
                    $"{section.Notebook} cell {number} does not contain “{quoted}”; it begins: {source[..Math.Min(120, source.Length)]}");
                citations++;
            }
        }
        Assert.True(citations >= 20, $"the guide cites only {citations} cells");
    }

    private static string OneSpace(string text) => Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void The_readme_links_the_guide()
    {
        Assert.Contains("(docs/teaching.md)", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")));
    }
}
