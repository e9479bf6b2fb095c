using NeuralNets.Data;

namespace NeuralNets.Tests.Data;

public class ImageShiftsTests
{
    // Two 3 × 3 images: 1..9 row by row, and 10..90.
    private static ImageSet TwoImages() => new(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90], [3, 7], rows: 3, columns: 3);

    [Fact]
    public void Shifting_right_and_down_moves_pixels_and_fills_with_background()
    {
        var shifted = TwoImages().Shifted(1, 1);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 1, 2, 0, 4, 5 }, shifted.Pixels(0).ToArray());
        Assert.Equal(new byte[] { 0, 0, 0, 0, 10, 20, 0, 40, 50 }, shifted.Pixels(1).ToArray());
        Assert.Equal([3, 7], new[] { shifted.Label(0), shifted.Label(1) });
    }

    [Fact]
    public void Shifting_left_and_up_and_by_nothing()
    {
        Assert.Equal(new byte[] { 5, 6, 0, 8, 9, 0, 0, 0, 0 }, TwoImages().Shifted(-1, -1).Pixels(0).ToArray());
        Assert.Equal(TwoImages().Pixels(1).ToArray(), TwoImages().Shifted(0, 0).Pixels(1).ToArray());
        Assert.All(TwoImages().Shifted(3, 0).Pixels(0).ToArray(), p => Assert.Equal(0, p));   // moved out of the frame
    }

    [Fact]
    public void Expanding_gives_the_originals_then_four_one_pixel_shifts()
    {
        var expanded = TwoImages().ExpandedByOnePixel();
        Assert.Equal(10, expanded.Count);
        Assert.Equal(TwoImages().Pixels(0).ToArray(), expanded.Pixels(0).ToArray());
        Assert.Equal(new byte[] { 4, 5, 6, 7, 8, 9, 0, 0, 0 }, expanded.Pixels(2).ToArray());   // image 0 moved up
        Assert.Equal(new byte[] { 0, 10, 20, 0, 40, 50, 0, 70, 80 }, expanded.Pixels(9).ToArray());   // image 1 moved right
        Assert.Equal([3, 7, 3, 7, 3, 7, 3, 7, 3, 7], Enumerable.Range(0, 10).Select(expanded.Label));
    }

    [Fact]
    public void Shuffled_labels_keep_the_images_and_each_class_count_but_not_the_order()
    {
        var random = new Random(5);
        byte[] pixels = new byte[200 * 4];
        random.NextBytes(pixels);
        byte[] labels = Enumerable.Range(0, 200).Select(i => (byte)(i % 10)).ToArray();
        var images = new ImageSet(pixels, labels, 2, 2);
        var shuffled = images.WithShuffledLabels(seed: 1);

        Assert.Equal(pixels, Enumerable.Range(0, 200).SelectMany(i => shuffled.Pixels(i).ToArray()));
        Assert.Equal(labels.Order(), Enumerable.Range(0, 200).Select(i => (byte)shuffled.Label(i)).Order());
        int unchanged = Enumerable.Range(0, 200).Count(i => shuffled.Label(i) == labels[i]);
        Assert.InRange(unchanged, 0, 50);   // a permutation of 200 labels in 10 classes keeps about 20 in place
        Assert.Equal(Enumerable.Range(0, 200).Select(shuffled.Label), Enumerable.Range(0, 200).Select(images.WithShuffledLabels(seed: 1).Label));
    }
}
