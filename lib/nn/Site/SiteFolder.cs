namespace NeuralNets.Cli.Site;

/// <summary>
/// The output folder and its marker file, <c>.nn-site</c>, which lists every file <c>nn site</c> wrote there. A build
/// goes only into a folder that is missing, empty, or marked and holding nothing but the files its marker lists;
/// those are deleted before the new site is written. Like the rest of <c>nn</c>, it never overwrites what it did not make.
/// </summary>
public sealed class SiteFolder
{
    /// <summary>The marker's file name.</summary>
    public const string MarkerName = ".nn-site";

    private const string MarkerHeader = "# made by `nn site`; it rebuilds this folder and deletes only the files listed here.";

    private SiteFolder(string path) => Path = path;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Checks that a site may be written to <paramref name="folder"/>, changing nothing.</summary>
    /// <exception cref="SiteException">The folder holds files <c>nn site</c> did not make.</exception>
    public static SiteFolder Claim(string folder)
    {
        var path = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any())
            return new SiteFolder(path);
        var marker = System.IO.Path.Combine(path, MarkerName);
        if (!File.Exists(marker))
            throw new SiteException($"{folder} is not empty and was not made by nn site (it has no {MarkerName}); choose another --out or empty it.");
        var made = Listed(marker).ToHashSet(StringComparer.Ordinal);
        var foreign = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(path, file))
            .Where(file => file != MarkerName && !made.Contains(file))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (foreign is not null)
            throw new SiteException($"{folder} holds {foreign}, which nn site did not make; move it away or choose another --out.");
        return new SiteFolder(path);
    }

    /// <summary>Deletes the files of the previous build (those the marker lists) and the folders they leave empty.</summary>
    public void Clear()
    {
        var marker = System.IO.Path.Combine(Path, MarkerName);
        if (!File.Exists(marker))
            return;
        foreach (var file in Listed(marker))
            File.Delete(System.IO.Path.Combine(Path, file));
        foreach (var folder in Directory.GetDirectories(Path, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length))
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
        File.Delete(marker);
    }

    /// <summary>Writes the marker listing <paramref name="files"/> (relative to the folder).</summary>
    public void Mark(IEnumerable<string> files) =>
        File.WriteAllLines(System.IO.Path.Combine(Path, MarkerName), [MarkerHeader, .. files.Order(StringComparer.Ordinal)]);

    private static IEnumerable<string> Listed(string marker) =>
        File.ReadAllLines(marker).Where(line => line.Length > 0 && !line.StartsWith('#'))
            // Only paths inside the folder: a hand-edited marker must not make nn delete files elsewhere.
            .Where(line => !System.IO.Path.IsPathRooted(line) && !line.Split('/', '\\').Contains(".."));
}
