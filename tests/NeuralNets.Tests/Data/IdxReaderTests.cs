using NeuralNets.Data;

namespace NeuralNets.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // The file name does not decide compression; the content does. So both names are tried with both contents.
    [Theory]
    [InlineData(false, "images.idx")]
    [InlineData(true, "images.idx.gz")]
    [InlineData(true, "images-without-gz-suffix")]
    [InlineData(false, "raw-despite-the-name.gz")]
    public void ReadsImagesRawOrGzip(bool gzip, string name)
    {
        string path = _temp[name];
        Idx.WriteImages(path, count: 3, rows: 2, columns: 4, Idx.Counting(3 * 2 * 4), gzip);

        var (count, rows, columns, pixels) = IdxReader.ReadImages(path);

        Assert.Equal((3, 2, 4), (count, rows, columns));
        Assert.Equal(Idx.Counting(24), pixels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsLabelsRawOrGzip(bool gzip)
    {
        string path = _temp["labels"];
        Idx.WriteLabels(path, [7, 0, 9, 3], gzip);

        Assert.Equal([7, 0, 9, 3], IdxReader.ReadLabels(path));
    }

    [Fact]
    public void ReadsAnImageSet()
    {
        Idx.WriteImages(_temp["images"], 3, 2, 2, Idx.Counting(12), gzip: true);
        Idx.WriteLabels(_temp["labels"], [4, 1, 9]);

        var set = IdxReader.ReadImageSet(_temp["images"], _temp["labels"], name: "tiny");

        Assert.Equal("tiny", set.Name);
        Assert.Equal((3, 2, 2), (set.Count, set.Rows, set.Columns));
        Assert.Equal(9, set.Label(2));
        Assert.Equal([8, 9, 10, 11], set.Pixels(2).ToArray());
    }

    [Fact]
    public void RejectsALabelFileWhereImagesBelong()
    {
        string path = _temp["train-labels"];
        Idx.WriteLabels(path, [1, 2, 3]);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadImages(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("expected the magic number 2051", error.Message);
        Assert.Contains("found 2049", error.Message);
    }

    [Fact]
    public void RejectsAnImageFileWhereLabelsBelong()
    {
        string path = _temp["images.gz"];
        Idx.WriteImages(path, 1, 2, 2, new byte[4], gzip: true);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadLabels(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("expected the magic number 2049", error.Message);
        Assert.Contains("found 2051", error.Message);
    }

    [Theory]
    [InlineData(2, 0, 28, "rows")]
    [InlineData(2, 28, -1, "columns")]
    [InlineData(0, 28, 28, "count")]
    public void RejectsDimensionsThatAreNotPositive(int count, int rows, int columns, string which)
    {
        string path = _temp["images"];
        Idx.Write(path, 2051, [count, rows, columns], [], gzip: false);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, error.Message);
        Assert.Contains($"expected a positive image {which}", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RejectsATruncatedBody(bool gzip)
    {
        string path = _temp["images"];
        // The header promises 3 images of 2 × 2 = 12 bytes; only 11 follow.
        Idx.Write(path, 2051, [3, 2, 2], new byte[11], gzip);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("expected 12 bytes after the header, found 11 (the file is truncated)", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RejectsABodyLongerThanTheHeaderSays(bool gzip)
    {
        string path = _temp["labels"];
        Idx.Write(path, 2049, [3], [1, 2, 3, 4, 5], gzip);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadLabels(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("expected 3 bytes after the header, found 5", error.Message);
    }

    [Fact]
    public void RejectsATruncatedHeader()
    {
        string path = _temp["images"];
        File.WriteAllBytes(path, [0, 0, 8, 3, 0, 0]);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("expected a 12-byte IDX image header after the magic number, found only 2 bytes", error.Message);
    }

    [Fact]
    public void RejectsACorruptedGzipStream()
    {
        string path = _temp["images.gz"];
        Idx.WriteImages(path, 10, 4, 4, Idx.Counting(160), gzip: true);
        byte[] bytes = File.ReadAllBytes(path);
        // Byte 10 starts the first deflate block (after the 10-byte gzip header); 0xFF makes its type
        // the reserved value 3, which every decoder must refuse.
        bytes[10] = 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("expected a valid gzip stream, found corrupted data", error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public void RejectsADamagedGzipChecksum()
    {
        string path = _temp["labels.gz"];
        Idx.WriteLabels(path, [1, 2, 3], gzip: true);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^8] ^= 0xFF;  // the CRC-32 of the decompressed data, in the gzip trailer
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadLabels(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public void RejectsLabelsThatDoNotMatchTheImageCount()
    {
        Idx.WriteImages(_temp["images"], 3, 2, 2, new byte[12]);
        Idx.WriteLabels(_temp["labels"], [1, 2]);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadImageSet(_temp["images"], _temp["labels"]));

        Assert.Equal(_temp["labels"], error.FilePath);
        Assert.Contains(_temp["images"], error.Message);
        Assert.Contains("expected one label per image", error.Message);
        Assert.Contains("i.e. 3 labels, found 2", error.Message);
    }

    [Fact]
    public void RejectsALabelOutOfRange()
    {
        Idx.WriteImages(_temp["images"], 3, 2, 2, new byte[12]);
        Idx.WriteLabels(_temp["labels"], [1, 10, 2]);

        var error = Assert.Throws<InvalidDataFileException>(() => IdxReader.ReadImageSet(_temp["images"], _temp["labels"], classCount: 10));

        Assert.Contains(_temp["labels"], error.Message);
        Assert.Contains("expected labels 0 to 9 (10 classes), found label 10 for image 1", error.Message);
    }

    [Fact]
    public void AMissingFileNamesItsPath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.ReadLabels(_temp["nowhere"]));

        Assert.Contains(_temp["nowhere"], error.Message);
    }
}
