using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace NeuralNets.Cli.Site;

/// <summary>
/// The files every page loads from <c>assets/</c>: plotly.js, KaTeX (script, stylesheet, fonts) and
/// highlight.js, copied from the repository's <c>node_modules</c> (<c>npm ci</c> installs them from
/// package-lock.json), plus the site's own stylesheet and script. Nothing is fetched from another host, so the site
/// works from disk and offline.
/// </summary>
public static class Assets
{
    /// <summary>The folder inside the site that holds them.</summary>
    public const string Folder = "assets";

    /// <summary>Page-relative paths of the files the pages link to.</summary>
    public const string Plotly = "assets/plotly.min.js";
    public const string KatexScript = "assets/katex/katex.min.js";
    public const string KatexStyle = "assets/katex/katex.min.css";
    public const string HighlightScript = "assets/highlight/highlight.min.js";
    public const string HighlightStyle = "assets/highlight/github.min.css";
    public const string SiteStyle = "assets/site.css";
    public const string SiteScript = "assets/site.js";

    /// <summary>One npm package the site bundles, and which of its files go where.</summary>
    private sealed record Bundled(string Package, string What, (string From, string To)[] Files, string LicenseFile);

    private static readonly Bundled[] Packages =
    [
        new("plotly.js-dist-min", "draws the charts",
            [("plotly.min.js", "plotly.min.js")], "LICENSE"),
        new("katex", "typesets the equations",
            [("dist/katex.min.js", "katex/katex.min.js"), ("dist/katex.min.css", "katex/katex.min.css"),
             ("dist/fonts", "katex/fonts")], "LICENSE"),
        new("@highlightjs/cdn-assets", "highlights the C# code (highlight.js)",
            [("highlight.min.js", "highlight/highlight.min.js"), ("styles/github.min.css", "highlight/github.min.css")], "LICENSE"),
    ];

    /// <summary>The repository whose <c>node_modules</c> holds the packages: the folder with NeuralNets.slnx
    /// above this program, or else above the current folder; null if neither is in a clone.</summary>
    public static string? FindRepository()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "NeuralNets.slnx")))
                    return folder.FullName;
        return null;
    }

    /// <summary>Throws <see cref="SiteException"/> with the command that installs them if a bundled file is missing
    /// from <paramref name="repository"/>'s node_modules. Called before anything is written.</summary>
    public static void Check(string repository)
    {
        var modules = Path.Combine(repository, "node_modules");
        foreach (var package in Packages)
        {
            var missing = package.Files.Select(file => Path.Combine(modules, package.Package, file.From))
                .FirstOrDefault(path => !File.Exists(path) && !Directory.Exists(path));
            if (missing is not null)
                throw new SiteException($"{Path.GetRelativePath(repository, missing)} is missing: run npm ci in {repository}");
        }
    }

    /// <summary>Copies the bundled files, the site's stylesheet and script, the licences and a NOTICE into
    /// <paramref name="site"/>/assets; returns the paths written, relative to <paramref name="site"/>.</summary>
    public static IReadOnlyList<string> Write(string repository, string site)
    {
        var written = new List<string>();
        var assets = Path.Combine(site, Folder);
        var notice = new StringBuilder();
        notice.AppendLine("Libraries bundled in this folder by `nn site`, copied unchanged from their npm packages.");
        notice.AppendLine();
        foreach (var package in Packages)
        {
            var root = Path.Combine(repository, "node_modules", package.Package);
            foreach (var (from, to) in package.Files)
                foreach (var (source, target) in Expand(Path.Combine(root, from), Path.Combine(assets, to)))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(source, target, overwrite: true);
                    written.Add(Path.GetRelativePath(site, target));
                }
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package.json")))!;
            var license = Path.Combine(assets, "licenses", $"{package.Package.Replace('/', '-').TrimStart('@')}-LICENSE.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(license)!);
            File.Copy(Path.Combine(root, package.LicenseFile), license, overwrite: true);
            written.Add(Path.GetRelativePath(site, license));
            notice.AppendLine($"{package.Package} {(string?)manifest["version"]}: {package.What}.");
            notice.AppendLine($"  source:  npm package {package.Package}@{(string?)manifest["version"]} ({(string?)manifest["homepage"] ?? "npmjs.com"})");
            notice.AppendLine($"  licence: {(string?)manifest["license"]}; full text in licenses/{Path.GetFileName(license)}");
            notice.AppendLine();
        }
        foreach (var name in new[] { "site.css", "site.js" })
        {
            File.WriteAllText(Path.Combine(assets, name), Resource(name));
            written.Add(Path.Combine(Folder, name));
        }
        File.WriteAllText(Path.Combine(assets, "NOTICE"), notice.ToString());
        written.Add(Path.Combine(Folder, "NOTICE"));
        return written;
    }

    /// <summary>A file as itself, or a folder as every file in it (KaTeX's fonts).</summary>
    private static IEnumerable<(string Source, string Target)> Expand(string source, string target) =>
        Directory.Exists(source)
            ? Directory.GetFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(file => (file, Path.Combine(target, Path.GetRelativePath(source, file))))
            : [(source, target)];

    /// <summary>site.css or site.js, embedded in nn from this folder.</summary>
    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in nn");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
