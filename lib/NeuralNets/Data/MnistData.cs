namespace NeuralNets.Data;

/// <summary>
/// MNIST (or Fashion-MNIST) split as in Nielsen's book: 50,000 images to train on, 10,000 to tune
/// hyper-parameters on (validation), and 10,000 kept apart to report the final accuracy (test).
/// </summary>
/// <example>
/// <code>
/// var mnist = MnistData.Load();                 // finds (or downloads) the files; see DataFileLocator
/// Console.WriteLine(mnist.Training);            // MNIST training: 50,000 images of 28 × 28, 10 classes
/// int label = mnist.Training.Label(0);          // 5
/// var fashion = MnistData.Load(DataSetKind.FashionMnist);
/// string name = fashion.ClassNames[fashion.Test.Label(0)];   // "Ankle boot"
/// </code>
/// </example>
[NeuralNets.Display.TypeFormatterSource(typeof(NeuralNets.Display.TextFormatterSource))]
public sealed class MnistData
{
    /// <summary>How many of the training file's images are held back for validation: its last 10,000.</summary>
    public const int ValidationCount = 10_000;

    private MnistData(DataSetKind kind, string folder, ImageSet fullTraining, ImageSet test)
    {
        if (fullTraining.Count <= ValidationCount)
            throw new InvalidDataFileException(Path.Combine(folder, DataSetCatalog.TrainImages),
                $"expected more than {ValidationCount:N0} training images (60,000), found {fullTraining.Count:N0}.");
        string name = DataSetCatalog.DisplayName(kind);
        int trainingCount = fullTraining.Count - ValidationCount;
        Kind = kind;
        Folder = folder;
        FullTraining = fullTraining;
        // Slices share the full set's memory: the split costs nothing.
        Training = fullTraining.Slice(0, trainingCount, $"{name} training");
        Validation = fullTraining.Slice(trainingCount, ValidationCount, $"{name} validation");
        Test = test;
        ClassNames = DataSetCatalog.ClassNames(kind);
    }

    /// <summary>Loads a data set, finding its files as <see cref="DataFileLocator"/> describes (an explicit
    /// <paramref name="directory"/>, else <c>MNIST_DIR</c>, else the repository's <c>data/</c> folder, else a
    /// download). Reading all 70,000 images takes a fraction of a second.</summary>
    /// <param name="kind">MNIST (the default) or Fashion-MNIST.</param>
    /// <param name="directory">A folder that must hold the four files, or null to search for them.</param>
    /// <param name="verifyChecksums">True to check each file's SHA-256 first (slower; downloads are always checked).</param>
    /// <exception cref="FileNotFoundException">The files are missing and could not be downloaded.</exception>
    /// <exception cref="InvalidDataFileException">A file is damaged or not what it should be; the message names it.</exception>
    public static MnistData Load(DataSetKind kind = DataSetKind.Mnist, string? directory = null, bool verifyChecksums = false) =>
        LoadFrom(kind, new DataFileLocator().Locate(kind, directory, verifyChecksums));

    /// <summary>Reads the four files of <paramref name="kind"/> in <paramref name="folder"/>, without searching.</summary>
    internal static MnistData LoadFrom(DataSetKind kind, string folder)
    {
        string name = DataSetCatalog.DisplayName(kind);
        int classes = DataSetCatalog.ClassNames(kind).Count;
        var training = IdxReader.ReadImageSet(Path.Combine(folder, DataSetCatalog.TrainImages),
            Path.Combine(folder, DataSetCatalog.TrainLabels), classes, $"{name} full training");
        var test = IdxReader.ReadImageSet(Path.Combine(folder, DataSetCatalog.TestImages),
            Path.Combine(folder, DataSetCatalog.TestLabels), classes, $"{name} test");
        return new MnistData(kind, folder, training, test);
    }

    /// <summary>Which data set this is.</summary>
    public DataSetKind Kind { get; }

    /// <summary>"MNIST" or "Fashion-MNIST".</summary>
    public string Name => DataSetCatalog.DisplayName(Kind);

    /// <summary>The folder the files were read from.</summary>
    public string Folder { get; }

    /// <summary>All 60,000 training images: <see cref="Training"/> followed by <see cref="Validation"/>.</summary>
    public ImageSet FullTraining { get; }

    /// <summary>The first 50,000 training images: what gradient descent learns from.</summary>
    public ImageSet Training { get; }

    /// <summary>The last 10,000 training images, held back to choose hyper-parameters (learning rate, epochs, λ)
    /// without peeking at <see cref="Test"/>.</summary>
    public ImageSet Validation { get; }

    /// <summary>The 10,000 test images, drawn from other writers than the training images (for MNIST): the
    /// final, honest measure of accuracy.</summary>
    public ImageSet Test { get; }

    /// <summary>What each label means, indexed by label: "0" to "9" for MNIST; "T-shirt/top", "Trouser", …,
    /// "Ankle boot" for Fashion-MNIST.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name} from {Folder}: {Training.Count:N0} training, {Validation.Count:N0} validation, {Test.Count:N0} test images";
}
