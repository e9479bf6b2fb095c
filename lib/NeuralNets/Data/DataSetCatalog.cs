namespace NeuralNets.Data;

/// <summary>The fixed facts about each <see cref="DataSetKind"/>: names, folders, files and mirrors.</summary>
internal static class DataSetCatalog
{
    /// <summary>The training images file (60,000 images); the same name in both data sets.</summary>
    public const string TrainImages = "train-images-idx3-ubyte.gz";

    /// <summary>The training labels file.</summary>
    public const string TrainLabels = "train-labels-idx1-ubyte.gz";

    /// <summary>The test images file (10,000 images).</summary>
    public const string TestImages = "t10k-images-idx3-ubyte.gz";

    /// <summary>The test labels file.</summary>
    public const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The four files every data set consists of, as their publishers name them.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>The name people use, for messages and <see cref="ImageSet.Name"/>: "MNIST" or "Fashion-MNIST".</summary>
    public static string DisplayName(DataSetKind kind) => kind switch
    {
        DataSetKind.Mnist => "MNIST",
        DataSetKind.FashionMnist => "Fashion-MNIST",
        _ => throw Unknown(kind),
    };

    /// <summary>The folder name under <c>data/</c>, also the prefix of the paths in <c>data/checksums.sha256</c>.</summary>
    public static string FolderName(DataSetKind kind) => kind switch
    {
        DataSetKind.Mnist => "mnist",
        DataSetKind.FashionMnist => "fashion-mnist",
        _ => throw Unknown(kind),
    };

    /// <summary>The environment variable that may point at the folder holding the files.</summary>
    public static string EnvironmentVariable(DataSetKind kind) => kind switch
    {
        DataSetKind.Mnist => "MNIST_DIR",
        DataSetKind.FashionMnist => "FASHION_MNIST_DIR",
        _ => throw Unknown(kind),
    };

    /// <summary>Public copies of the files, tried in order; each URL ends in '/' so a file name can be appended.</summary>
    public static IReadOnlyList<Uri> Mirrors(DataSetKind kind) => kind switch
    {
        // The original site (yann.lecun.com) no longer serves the files reliably; these copies do.
        DataSetKind.Mnist =>
        [
            new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
        ],
        DataSetKind.FashionMnist => [new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")],
        _ => throw Unknown(kind),
    };

    /// <summary>What each label means: index = label.</summary>
    public static IReadOnlyList<string> ClassNames(DataSetKind kind) => kind switch
    {
        DataSetKind.Mnist => Digits,
        DataSetKind.FashionMnist => Clothes,
        _ => throw Unknown(kind),
    };

    // Read-only wrappers, so that no caller can rename a class for everyone else.
    private static readonly IReadOnlyList<string> Digits =
        Array.AsReadOnly(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

    private static readonly IReadOnlyList<string> Clothes =
        Array.AsReadOnly(["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

    private static ArgumentOutOfRangeException Unknown(DataSetKind kind) =>
        new(nameof(kind), kind, "Unknown data set.");
}
