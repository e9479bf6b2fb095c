using NeuralNets.Cli.Site;

namespace NeuralNets.Notebooks.Tests.Site;

/// <summary><c>nn site</c>'s pages, read as text: built from hand-made executed notebooks, no browser.</summary>
public sealed class SiteBuilderTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SiteBuilder.Built Build(out string site)
    {
        site = Path.Combine(_folder.Path, "site");
        return SiteBuilder.Build(ExecutedNotebook.WriteCourse(_folder), site, RepositoryRoot.Path);
    }

    [Fact]
    public void Writes_the_course_map_a_page_per_notebook_the_assets_and_the_marker()
    {
        var built = Build(out var site);

        Assert.Equal(["01-first.html", "02-sigmoid.html", "index.html"],
            Directory.GetFiles(site, "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var asset in new[] { Assets.Plotly, Assets.KatexScript, Assets.KatexStyle, Assets.HighlightScript, Assets.HighlightStyle, Assets.SiteStyle, Assets.SiteScript, "assets/NOTICE" })
            Assert.True(File.Exists(Path.Combine(site, asset)), $"{asset} is missing");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(site, "assets", "katex", "fonts"), "*.woff2"));
        Assert.True(File.Exists(Path.Combine(site, SiteFolder.MarkerName)));
        Assert.Equal(2, built.Notebooks.Count);
    }

    [Fact]
    public void The_course_map_shows_title_first_paragraph_exercises_charts_and_links()
    {
        Build(out var site);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));

        Assert.Contains("<a href=\"02-sigmoid.html\">02 · Sigmoid neurons</a>", index);
        Assert.Contains("A sigmoid neuron squashes <span class=\"math\">\\(z = w \\cdot x + b\\)</span>", index);
        Assert.Contains("1 exercise · 1 chart · ran in 12 s with epochs = 1 ·", index);
        Assert.DoesNotContain("The sigmoid function", index); // only the first paragraph
    }

    [Fact]
    public void A_page_has_math_for_KaTeX_code_outputs_the_hidden_answer_and_the_knobs_caption()
    {
        Build(out var site);
        var page = File.ReadAllText(Path.Combine(site, "02-sigmoid.html"));

        Assert.Contains("<span class=\"math\">\\(x^2\\)</span>", page);
        Assert.Contains("<div class=\"math\">\n\\[\n\\sigma(z)=\\frac{1}{1+e^{-z}}\n\\]</div>", page);
        Assert.Contains("<div class=\"math\">\n\\[\n\\frac{\\partial C}{\\partial w}\n= \\frac{\\partial z}{\\partial w}", page);
        Assert.Contains("<div class=\"math\">\n\\[\n\\sigma'(z)", page);
        Assert.Contains("<pre><code class=\"language-csharp\">Console.WriteLine(&quot;sigma(0) = 0.5&quot;);</code></pre>", page);
        Assert.Contains("<pre class=\"stream stdout\">sigma(0) = 0.5\n</pre>", page);
        Assert.Contains("<pre>2</pre>", page);
        Assert.Contains("<p class=\"caption\">parameters: the knobs to try</p>", page);

        // The worked answer is inside <details>; the check cell after it is not.
        var details = page.Substring(page.IndexOf("<details class=\"solution\">", StringComparison.Ordinal));
        details = details[..(details.IndexOf("</details>", StringComparison.Ordinal) + "</details>".Length)];
        Assert.Contains("<summary>Show a worked answer</summary>", details);
        Assert.Contains("double Answer() =&gt; 42;", details);
        Assert.DoesNotContain("Check.Exercise1", details);
        Assert.Contains("Check.Exercise1(Answer);", page);
        Assert.Contains("<pre>✅ PASS — Exercise 1</pre>", page);
    }

    [Fact]
    public void A_chart_uses_the_bundled_plotly_and_a_link_to_a_notebook_goes_to_its_page()
    {
        Build(out var site);
        var page = File.ReadAllText(Path.Combine(site, "02-sigmoid.html"));

        Assert.Contains("<script src=\"assets/plotly.min.js\"></script>", page);
        Assert.Contains("window.requirejs=function(){};", page);
        Assert.Contains("<div class=\"chart\">", page);
        Assert.Contains("paths:{plotly:'assets/plotly.min'}", page);
        Assert.DoesNotContain("cdn.plot.ly", page);
        Assert.Contains("<a href=\"01-first.html\">the previous notebook</a>", page);
    }

    [Fact]
    public void The_package_list_and_extension_note_under_a_nuget_reference_are_left_out()
    {
        Build(out var site);
        var page = File.ReadAllText(Path.Combine(site, "02-sigmoid.html"));

        Assert.Contains("#r &quot;nuget: MathNet.Numerics, 5.0.0&quot;", page);
        Assert.DoesNotContain("Installed Packages", page);
        Assert.DoesNotContain("/work/shared", page);
        Assert.DoesNotContain("Loading extensions", page);
        Assert.DoesNotContain("/root/.nuget", page);
    }

    [Fact]
    public void The_notice_names_each_bundled_library_version_source_and_licence()
    {
        Build(out var site);
        var notice = File.ReadAllText(Path.Combine(site, "assets", "NOTICE"));

        Assert.Contains("plotly.js-dist-min 2.27.1", notice);
        Assert.Matches(@"katex 0\.16\.\d+", notice);
        Assert.Contains("npm package @highlightjs/cdn-assets@", notice);
        Assert.Contains("licence: MIT", notice);
        Assert.Contains("licence: BSD-3-Clause", notice);
        Assert.True(File.Exists(Path.Combine(site, "assets", "licenses", "katex-LICENSE.txt")));
    }

    [Fact]
    public void A_second_build_replaces_its_own_files_and_keeps_the_folder_clean()
    {
        Build(out var site);
        File.Delete(Path.Combine(_folder.Path, "executed", "02-sigmoid.ipynb"));

        SiteBuilder.Build(Path.Combine(_folder.Path, "executed"), site, RepositoryRoot.Path);

        Assert.False(File.Exists(Path.Combine(site, "02-sigmoid.html")));
        Assert.True(File.Exists(Path.Combine(site, "01-first.html")));
    }

    [Fact]
    public void A_notebook_that_is_not_an_executed_copy_is_refused()
    {
        _folder.Write("notebooks/01-plain.ipynb", NotebookJson.Create("1 + 1"));

        var e = Assert.Throws<SiteException>(() =>
            SiteBuilder.Build(Path.Combine(_folder.Path, "notebooks"), Path.Combine(_folder.Path, "site"), RepositoryRoot.Path));

        Assert.Contains("01-plain.ipynb is not an executed copy", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "site")));
    }

    [Fact]
    public void Missing_npm_packages_name_the_command_that_installs_them()
    {
        var repository = Path.Combine(_folder.Path, "clone");
        Directory.CreateDirectory(repository);

        var e = Assert.Throws<SiteException>(() => Assets.Check(repository));

        Assert.Equal($"node_modules/plotly.js-dist-min/plotly.min.js is missing: run npm ci in {repository}", e.Message);
    }
}
