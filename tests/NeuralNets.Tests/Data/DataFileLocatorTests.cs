using System.Text;
using NeuralNets.Data;

namespace NeuralNets.Tests.Data;

/// <summary>
/// Where the locator looks, in a fake world: a temp folder holding a pretend repository, environment variables
/// from a dictionary, fake mirrors. The process's own environment is never touched, so these tests can run in
/// parallel with everything else.
/// </summary>
public sealed class DataFileLocatorTests : IDisposable
{
    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, string> _environment = [];
    private readonly StringWriter _progress = new();

    public DataFileLocatorTests()
    {
        // The pretend repository, and a folder of its to run from.
        File.WriteAllText(_temp["repo/NeuralNets.slnx"].EnsureFolder(), "<Solution />");
        Directory.CreateDirectory(_temp["repo/tests/bin"]);
        Directory.CreateDirectory(_temp["elsewhere"]);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A locator running in <paramref name="currentDirectory"/> (relative to the temp folder), whose mirrors
    /// are <paramref name="mirror"/> (offline by default) and whose checksums are those of <see cref="FakeFile"/>.</summary>
    private DataFileLocator Locator(string currentDirectory = "repo/tests/bin", FakeMirror? mirror = null) =>
        new(name => _environment.GetValueOrDefault(name), _temp[currentDirectory], _temp["elsewhere"], _temp["appdata"],
            new DataDownloader(mirror ?? FakeMirror.Offline(), _progress, rewriteLine: false),
            FileNames.SelectMany(name => new[] { "mnist/" + name, "fashion-mnist/" + name })
                .ToDictionary(key => key, key => Sha256.Of(FakeFile(key.Split('/')[1]))));

    /// <summary>The pretend content of a data file: its name.</summary>
    private static byte[] FakeFile(string name) => Encoding.ASCII.GetBytes(name);

    /// <summary>Puts the four files into a folder (relative to the temp folder) and returns its full path.</summary>
    private string PutFiles(string folder, int howMany = 4)
    {
        foreach (string name in FileNames.Take(howMany))
            File.WriteAllBytes(Path.Combine(_temp[folder], name).EnsureFolder(), FakeFile(name));
        return _temp[folder];
    }

    [Fact]
    public void AnExplicitFolderComesFirst()
    {
        string explicitFolder = PutFiles("explicit");
        _environment["MNIST_DIR"] = PutFiles("env/mnist");
        PutFiles("repo/data/mnist");

        Assert.Equal(explicitFolder, Locator().Locate(DataSetKind.Mnist, explicitFolder));
    }

    [Fact]
    public void ThenTheEnvironmentVariable()
    {
        string fromEnvironment = PutFiles("env/mnist");
        _environment["MNIST_DIR"] = fromEnvironment;
        PutFiles("repo/data/mnist");

        Assert.Equal(fromEnvironment, Locator().Locate(DataSetKind.Mnist));
    }

    [Fact]
    public void ThenTheRepositorysDataFolder()
    {
        string repoData = PutFiles("repo/data/mnist");

        Assert.Equal(repoData, Locator().Locate(DataSetKind.Mnist));
        // Found from the program's folder too, when the current directory is outside the repository.
        var fromElsewhere = new DataFileLocator(_ => null, _temp["elsewhere"], _temp["repo/tests/bin"], _temp["appdata"],
            new DataDownloader(FakeMirror.Offline(), _progress, rewriteLine: false), new Dictionary<string, string>());
        Assert.Equal(repoData, fromElsewhere.Locate(DataSetKind.Mnist));
    }

    [Fact]
    public void AnEnvironmentFolderWithoutTheFilesIsPassedOver()
    {
        _environment["MNIST_DIR"] = PutFiles("env/mnist", howMany: 2);
        string repoData = PutFiles("repo/data/mnist");

        Assert.Equal(repoData, Locator().Locate(DataSetKind.Mnist));
    }

    [Fact]
    public void ARelativeEnvironmentFolderCountsFromTheRepositoryRootIfNeedBe()
    {
        // As in CI: MNIST_DIR=../shared/data/mnist, meant from the root, while tests run in their bin folder.
        string shared = PutFiles("shared/data/mnist");
        _environment["MNIST_DIR"] = "../shared/data/mnist";

        Assert.Equal(shared, Locator().Locate(DataSetKind.Mnist));
    }

    [Fact]
    public void FashionMnistHasItsOwnVariable()
    {
        string fashion = PutFiles("somewhere/fashion");
        _environment["FASHION_MNIST_DIR"] = fashion;
        _environment["MNIST_DIR"] = PutFiles("env/mnist");
        PutFiles("env/fashion-mnist");

        Assert.Equal(fashion, Locator().Locate(DataSetKind.FashionMnist));
    }

    [Fact]
    public void FashionMnistElseSitsBesideMnist()
    {
        _environment["MNIST_DIR"] = PutFiles("env/mnist") + Path.DirectorySeparatorChar;  // a trailing '/' changes nothing
        string beside = PutFiles("env/fashion-mnist");
        PutFiles("repo/data/fashion-mnist");

        Assert.Equal(beside, Locator().Locate(DataSetKind.FashionMnist));
    }

    [Fact]
    public void AnExplicitFolderWithoutTheFilesIsAnError()
    {
        string explicitFolder = PutFiles("explicit", howMany: 3);
        PutFiles("repo/data/mnist");
        var mirror = FakeMirror.Offline();

        var error = Assert.Throws<FileNotFoundException>(() => Locator(mirror: mirror).Locate(DataSetKind.Mnist, explicitFolder));

        Assert.Contains(explicitFolder, error.Message);
        Assert.Contains("lacks t10k-labels-idx1-ubyte.gz", error.Message);
        Assert.DoesNotContain("train-images", error.Message);
        Assert.Empty(mirror.Requests);  // an explicit folder is never downloaded into
    }

    [Fact]
    public void DownloadsMissingFilesIntoTheRepository()
    {
        PutFiles("repo/data/mnist", howMany: 1);
        var mirror = new FakeMirror(url => FakeMirror.Ok(FakeFile(url.Segments[^1])));

        string folder = Locator(mirror: mirror).Locate(DataSetKind.Mnist);

        Assert.Equal(_temp["repo/data/mnist"], folder);
        Assert.All(FileNames, name => Assert.Equal(FakeFile(name), File.ReadAllBytes(Path.Combine(folder, name))));
        // Only the three missing files were fetched, from the first MNIST mirror.
        Assert.Equal(FileNames.Skip(1).Select(name => "https://ossci-datasets.s3.amazonaws.com/mnist/" + name),
            mirror.Requests.Select(url => url.ToString()));
    }

    [Fact]
    public void DownloadsIntoLocalAppDataOutsideAnyRepository()
    {
        var mirror = new FakeMirror(url => FakeMirror.Ok(FakeFile(url.Segments[^1])));

        string folder = Locator(currentDirectory: "elsewhere", mirror: mirror).Locate(DataSetKind.FashionMnist);

        Assert.Equal(_temp["appdata/fashion-mnist"], folder);
        Assert.Equal(4, Directory.GetFiles(folder).Length);
        Assert.All(mirror.Requests, url => Assert.StartsWith("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", url.ToString()));
    }

    [Fact]
    public void WithNoFilesAndNoNetworkSaysWhatIsMissingWhereItLookedAndWhatToDo()
    {
        _environment["MNIST_DIR"] = _temp["typo"];

        var error = Assert.Throws<FileNotFoundException>(() => Locator().Locate(DataSetKind.Mnist));

        string message = error.Message;
        Assert.Contains("MNIST files are missing: " + string.Join(", ", FileNames), message);
        Assert.Contains($"{_temp["typo"]} (from MNIST_DIR): none of the files", message);
        Assert.Contains($"{_temp["repo/data/mnist"]} (the repository's data folder): none of the files", message);
        Assert.Contains("No such host is known", message);
        Assert.Contains($"Put the four files (gzip-compressed, under their published names) into {_temp["repo/data/mnist"]}", message);
        Assert.Contains("or set MNIST_DIR", message);
        Assert.Empty(Directory.GetFiles(_temp["repo/data/mnist"]));  // created for the download, but nothing half-written
    }

    [Fact]
    public void VerifyNamesAFileWithAWrongChecksum()
    {
        string folder = PutFiles("repo/data/mnist");
        var locator = Locator();
        locator.Verify(DataSetKind.Mnist, folder);  // all four as expected
        File.WriteAllText(Path.Combine(folder, FileNames[2]), "damaged");

        var error = Assert.Throws<InvalidDataFileException>(() => locator.Locate(DataSetKind.Mnist, verifyChecksums: true));

        Assert.Equal(Path.Combine(folder, FileNames[2]), error.FilePath);
        Assert.Contains($"expected SHA-256 {Sha256.Of(FakeFile(FileNames[2]))}", error.Message);
    }
}
