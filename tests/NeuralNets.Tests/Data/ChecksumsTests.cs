using NeuralNets.Data;

namespace NeuralNets.Tests.Data;

public sealed class ChecksumsTests
{
    [Fact]
    public void TheEmbeddedListHoldsAllEightFiles()
    {
        Assert.Equal(8, Checksums.Known.Count);
        Assert.Equal("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            Checksums.Known[Checksums.Key(DataSetKind.Mnist, "train-images-idx3-ubyte.gz")]);
        Assert.Equal("67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
            Checksums.Known["fashion-mnist/t10k-labels-idx1-ubyte.gz"]);
    }

    [Fact]
    public void ParsesSha256sumsTextAndBinaryLines()
    {
        string hash = new('a', 64);
        var sums = Checksums.Parse(new StringReader($"{hash}  mnist/a.gz\n\n{hash.ToUpperInvariant()} *mnist/b.gz\n"));

        Assert.Equal(hash, sums["mnist/a.gz"]);
        Assert.Equal(hash, sums["mnist/b.gz"]);
    }

    [Fact]
    public void RejectsAMalformedLine() =>
        Assert.Throws<FormatException>(() => Checksums.Parse(new StringReader("abc mnist/a.gz")));
}
