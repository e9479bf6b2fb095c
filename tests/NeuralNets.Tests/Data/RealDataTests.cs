using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuralNets.Data;
using Xunit.Abstractions;

namespace NeuralNets.Tests.Data;

/// <summary>
/// Loads the real files once per test class. With MNIST_DIR (or FASHION_MNIST_DIR) set, as in CI, the library
/// finds them itself; otherwise they are expected in ../shared/data beside the repository, and their absence
/// fails the tests with the library's message saying what is missing and where.
/// </summary>
public abstract class RealData
{
    protected RealData(DataSetKind kind)
    {
        var clock = Stopwatch.StartNew();
        Data = Load(kind);
        LoadTime = clock.Elapsed;
    }

    public MnistData Data { get; }

    public TimeSpan LoadTime { get; }

    private static MnistData Load(DataSetKind kind)
    {
        bool fromEnvironment = Environment.GetEnvironmentVariable("MNIST_DIR") is { Length: > 0 }
            || (kind == DataSetKind.FashionMnist && Environment.GetEnvironmentVariable("FASHION_MNIST_DIR") is { Length: > 0 });
        if (fromEnvironment)
            return MnistData.Load(kind);
        string root = new DataFileLocator().FindRepositoryRoot()
            ?? throw new InvalidOperationException("The tests are not running inside the repository (no NeuralNets.slnx above them).");
        string folder = kind == DataSetKind.Mnist ? "mnist" : "fashion-mnist";
        return MnistData.Load(kind, Path.Combine(root, "..", "shared", "data", folder));
    }
}

public sealed class RealMnist() : RealData(DataSetKind.Mnist);

public sealed class RealFashionMnist() : RealData(DataSetKind.FashionMnist);

public sealed class MnistTests(RealMnist mnist, ITestOutputHelper output) : IClassFixture<RealMnist>
{
    private readonly MnistData _data = mnist.Data;

    [Fact]
    public void SplitsLikeNielsen()
    {
        output.WriteLine($"{_data}; loaded in {mnist.LoadTime.TotalMilliseconds:F0} ms");
        Assert.Equal((50_000, 10_000, 10_000, 60_000),
            (_data.Training.Count, _data.Validation.Count, _data.Test.Count, _data.FullTraining.Count));
        Assert.Equal(("MNIST training", "MNIST validation", "MNIST test"), (_data.Training.Name, _data.Validation.Name, _data.Test.Name));
        Assert.Equal((28, 28, 784, 10), (_data.Training.Rows, _data.Training.Columns, _data.Training.PixelsPerImage, _data.Training.ClassCount));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], _data.ClassNames);
    }

    [Fact]
    public void StartsWithTheWellKnownDigits()
    {
        // The first ten training digits, as every MNIST tutorial shows them: 5 0 4 1 9 2 1 3 1 4.
        Assert.Equal([5, 0, 4, 1, 9, 2, 1, 3, 1, 4], Enumerable.Range(0, 10).Select(_data.Training.Label));
        Assert.Equal([7, 2, 1, 0, 4], Enumerable.Range(0, 5).Select(_data.Test.Label));
    }

    [Fact]
    public void HasThePublishedLabelCounts()
    {
        Assert.Equal([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], LabelCounts(_data.FullTraining));
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], LabelCounts(_data.Test));
    }

    [Fact]
    public void ValidationIsTheEndOfTheTrainingFileInTheSameMemory()
    {
        var fromValidation = _data.Validation.Pixels(0);
        var fromFull = _data.FullTraining.Pixels(50_000);
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(fromValidation), ref MemoryMarshal.GetReference(fromFull)));
        Assert.Equal(_data.FullTraining.Label(59_999), _data.Validation.Label(9_999));
    }

    [Fact]
    public void MatchesTheCommittedChecksums() => new DataFileLocator().Verify(DataSetKind.Mnist, _data.Folder);

    internal static int[] LabelCounts(ImageSet set)
    {
        var counts = new int[set.ClassCount];
        for (int i = 0; i < set.Count; i++)
            counts[set.Label(i)]++;
        return counts;
    }
}

public sealed class FashionMnistTests(RealFashionMnist fashion, ITestOutputHelper output) : IClassFixture<RealFashionMnist>
{
    private readonly MnistData _data = fashion.Data;

    [Fact]
    public void SplitsLikeMnist()
    {
        output.WriteLine($"{_data}; loaded in {fashion.LoadTime.TotalMilliseconds:F0} ms");
        Assert.Equal((50_000, 10_000, 10_000), (_data.Training.Count, _data.Validation.Count, _data.Test.Count));
        Assert.Equal(("Fashion-MNIST training", "Fashion-MNIST test"), (_data.Training.Name, _data.Test.Name));
        Assert.Equal(Enumerable.Repeat(6000, 10), MnistTests.LabelCounts(_data.FullTraining));
        Assert.Equal(Enumerable.Repeat(1000, 10), MnistTests.LabelCounts(_data.Test));
    }

    [Fact]
    public void NamesItsClasses()
    {
        Assert.Equal(["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            _data.ClassNames);
        Assert.Equal("Ankle boot", _data.ClassNames[_data.Test.Label(0)]);
    }

    [Fact]
    public void MatchesTheCommittedChecksums() => new DataFileLocator().Verify(DataSetKind.FashionMnist, _data.Folder);
}
