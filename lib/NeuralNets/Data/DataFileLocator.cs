namespace NeuralNets.Data;

/// <summary>
/// Finds the folder that holds a data set's four files, downloading them when they are nowhere to be found.
/// </summary>
/// <remarks>
/// The places, in order:
/// <list type="number">
/// <item>a folder passed explicitly: it must hold the files (nothing else is tried, nothing is downloaded into it);</item>
/// <item>the folder in the environment variable <c>MNIST_DIR</c> (for Fashion-MNIST <c>FASHION_MNIST_DIR</c>, else the
/// folder <c>fashion-mnist</c> beside <c>MNIST_DIR</c>); a relative path counts from the current directory, else from
/// the repository's root;</item>
/// <item>the repository's own <c>data/mnist/</c> (or <c>data/fashion-mnist/</c>); the repository is the nearest folder
/// holding <c>NeuralNets.slnx</c> above the current directory, else above the program's own folder. With no repository
/// in sight, a folder under the user's local application data takes its place;</item>
/// <item>failing all these, the missing files are downloaded into that last folder, each checked against
/// <c>data/checksums.sha256</c>.</item>
/// </list>
/// Files found on disk are not hashed on every load (that would cost more than reading them); pass
/// <c>verifyChecksums: true</c> or call <see cref="Verify"/> to check them.
/// </remarks>
public sealed class DataFileLocator
{
    /// <summary>The file that marks the repository's root folder.</summary>
    public const string SolutionFile = "NeuralNets.slnx";

    private readonly Func<string, string?> _environment;
    private readonly string _currentDirectory;
    private readonly string _baseDirectory;
    private readonly string _appDataFolder;
    private readonly DataDownloader _downloader;
    private readonly IReadOnlyDictionary<string, string> _checksums;

    /// <summary>A locator for this process: its environment variables and current directory, the real network,
    /// progress on stderr.</summary>
    public DataFileLocator()
        : this(Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), AppContext.BaseDirectory,
            DefaultAppDataFolder(), new DataDownloader(), Checksums.Known)
    {
    }

    /// <summary>A locator with every outside dependency replaced, for tests.</summary>
    internal DataFileLocator(Func<string, string?> environment, string currentDirectory, string baseDirectory,
        string appDataFolder, DataDownloader downloader, IReadOnlyDictionary<string, string> checksums)
    {
        _environment = environment;
        _currentDirectory = currentDirectory;
        _baseDirectory = baseDirectory;
        _appDataFolder = appDataFolder;
        _downloader = downloader;
        _checksums = checksums;
    }

    /// <summary>The folder holding the four files of <paramref name="kind"/>; see the remarks for where it looks.</summary>
    /// <param name="kind">Which data set.</param>
    /// <param name="directory">A folder that must hold the files, or null to search (and download if need be).</param>
    /// <param name="verifyChecksums">True to check every file's SHA-256 against <c>data/checksums.sha256</c>.</param>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="FileNotFoundException">The files are missing and could not be downloaded; the message says
    /// which, where the locator looked, and where to put them.</exception>
    /// <exception cref="InvalidDataFileException">A download, or with <paramref name="verifyChecksums"/> a file on
    /// disk, has the wrong SHA-256.</exception>
    public string Locate(DataSetKind kind, string? directory = null, bool verifyChecksums = false)
    {
        string folder = directory is null ? FindOrDownload(kind) : RequireFiles(kind, directory);
        if (verifyChecksums)
            Verify(kind, folder);
        return folder;
    }

    /// <summary>Checks the SHA-256 of the four files of <paramref name="kind"/> in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataFileException">A file's sum differs from <c>data/checksums.sha256</c>.</exception>
    public void Verify(DataSetKind kind, string folder)
    {
        foreach (string name in DataSetCatalog.FileNames)
        {
            string path = Path.Combine(folder, name);
            string expected = _checksums[Checksums.Key(kind, name)];
            string actual = Checksums.OfFile(path);
            if (actual != expected)
                throw new InvalidDataFileException(path,
                    $"expected SHA-256 {expected} (data/checksums.sha256), found {actual}. Replace it with a good copy; see data/README.md.");
        }
    }

    /// <summary>The repository's root: the nearest folder holding <see cref="SolutionFile"/> above the current
    /// directory, else above the program's folder; null when there is none.</summary>
    public string? FindRepositoryRoot() => FindAbove(_currentDirectory) ?? FindAbove(_baseDirectory);

    private static string? FindAbove(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                return folder.FullName;
        return null;
    }

    private string RequireFiles(DataSetKind kind, string directory)
    {
        string folder = Path.GetFullPath(directory, _currentDirectory);
        var missing = MissingFiles(folder);
        if (missing.Count == 0)
            return folder;
        string variable = DataSetCatalog.EnvironmentVariable(kind);
        throw new FileNotFoundException(
            $"{DataSetCatalog.DisplayName(kind)}: the folder passed in, {folder}, lacks {string.Join(", ", missing)}. " +
            $"Put the files there (gzip-compressed, under their published names), or pass no folder to use {variable} " +
            $"or the repository's data/{DataSetCatalog.FolderName(kind)}/, where missing files are downloaded. See data/README.md.");
    }

    private string FindOrDownload(DataSetKind kind)
    {
        var looked = new List<string>();

        var (place, fromEnvironment) = EnvironmentFolder(kind);
        if (fromEnvironment is null)
            looked.Add(place);
        else if (MissingFiles(fromEnvironment).Count == 0)
            return fromEnvironment;
        else
            looked.Add(Describe(fromEnvironment, place));

        // The repository's data folder is also where downloads go, so that they are found next time.
        string? root = FindRepositoryRoot();
        string home = root is null
            ? Path.Combine(_appDataFolder, DataSetCatalog.FolderName(kind))
            : Path.Combine(root, "data", DataSetCatalog.FolderName(kind));
        var missing = MissingFiles(home);
        if (missing.Count == 0)
            return home;
        looked.Add(Describe(home, root is null ? "local app data; no repository found" : "the repository's data folder"));

        try
        {
            foreach (string name in missing)
                _downloader.Download(name, DataSetCatalog.Mirrors(kind), _checksums[Checksums.Key(kind, name)],
                    Path.Combine(home, name));
        }
        catch (HttpRequestException e)
        {
            string nl = Environment.NewLine;
            throw new FileNotFoundException(
                $"{DataSetCatalog.DisplayName(kind)} files are missing: {string.Join(", ", MissingFiles(home))}.{nl}" +
                $"Looked in:{nl}{string.Join(nl, looked.Select(where => "  - " + where))}{nl}" +
                $"Downloading failed. {e.Message}{nl}" +
                $"Put the four files (gzip-compressed, under their published names) into {home}, " +
                $"or set {EnvironmentHint(kind)} to the folder that holds them. See data/README.md.", e);
        }
        return home;
    }

    /// <summary>The folder the environment variables name, if any, and how to describe that place in messages.</summary>
    private (string Place, string? Folder) EnvironmentFolder(DataSetKind kind)
    {
        string mnistVariable = DataSetCatalog.EnvironmentVariable(DataSetKind.Mnist);
        string variable = DataSetCatalog.EnvironmentVariable(kind);
        if (_environment(variable) is { Length: > 0 } value)
            return ($"from {variable}", Resolve(value));
        if (kind == DataSetKind.Mnist)
            return ($"{variable} is not set", null);
        // Fashion-MNIST usually sits beside MNIST (data/mnist, data/fashion-mnist): one variable serves both.
        if (_environment(mnistVariable) is { Length: > 0 } mnist)
            return ($"beside {mnistVariable}, as {variable} is not set",
                Path.GetFullPath(Path.Combine(Resolve(mnist), "..", DataSetCatalog.FolderName(kind))));
        return ($"neither {variable} nor {mnistVariable} is set", null);
    }

    private static string EnvironmentHint(DataSetKind kind) =>
        kind == DataSetKind.Mnist ? "MNIST_DIR" : "FASHION_MNIST_DIR (or MNIST_DIR, with fashion-mnist beside it)";

    /// <summary>A path from the environment: a relative one counts from the current directory if it exists
    /// there, else from the repository's root (CI runs tests in their build folder, not at the root).</summary>
    private string Resolve(string path)
    {
        string fromHere = Path.GetFullPath(path, _currentDirectory);
        if (Path.IsPathRooted(path) || Directory.Exists(fromHere) || FindRepositoryRoot() is not { } root)
            return fromHere;
        string fromRoot = Path.GetFullPath(path, root);
        return Directory.Exists(fromRoot) ? fromRoot : fromHere;
    }

    private static List<string> MissingFiles(string folder) =>
        DataSetCatalog.FileNames.Where(name => !File.Exists(Path.Combine(folder, name))).ToList();

    private static string Describe(string folder, string what)
    {
        var missing = MissingFiles(folder);
        string has = missing.Count == DataSetCatalog.FileNames.Count
            ? "none of the files"
            : $"lacks {string.Join(", ", missing)}";
        return $"{folder} ({what}): {has}";
    }

    private static string DefaultAppDataFolder()
    {
        string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        // Some minimal containers have no home folder; the temp folder still works there.
        return Path.Combine(local.Length > 0 ? local : Path.GetTempPath(), "NeuralNets", "data");
    }
}
