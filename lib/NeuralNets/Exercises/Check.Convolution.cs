using NeuralNets.Kernels;
using NeuralNets.Layers;

namespace NeuralNets.Exercises;

/// <summary>Checks for notebook 12 (convolutional networks): the learner's convolution and max-pooling, tried on
/// maps and filters the check makes up and compared with the library's definitions.</summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="convolve"/>(image, filter, bias) is the valid, stride-1 convolution
    /// out(y, x) = b + Σ_{dy, dx} filter(dy, dx) · image(y + dy, x + dx) (Nielsen eq. 125 before the activation), as rows,
    /// on images and filters of several sizes, none square in both.
    /// </summary>
    public static CheckResult ConvolutionByHand(string exercise, Func<double[][], double[][], double, double[][]>? convolve)
    {
        const string hint = "the output has (height − k + 1) rows of (width − k + 1); each output sums the filter times the k × k patch whose top-left corner is at (y, x), plus the bias once.";
        if (convolve is null)
            return NotAnswered(exercise, hint);
        var random = new Random(1212);
        foreach (var (height, width, k) in new[] { (3, 3, 2), (6, 5, 3), (7, 9, 4), (5, 5, 1) })
        {
            double[][] image = Enumerable.Range(0, height).Select(_ => Enumerable.Range(0, width).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray()).ToArray();
            double[][] filter = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, k).Select(_ => Math.Round(random.NextDouble() * 2 - 1, 2)).ToArray()).ToArray();
            double bias = Math.Round(random.NextDouble() - 0.5, 2);
            var expected = new double[(height - k + 1) * (width - k + 1)];
            ConvolutionKernels.DirectConvolution<double>(image.SelectMany(r => r).ToArray(), new Shape(1, height, width),
                filter.SelectMany(r => r).ToArray(), [bias], 1, k, expected);
            double[][] got;
            try
            {
                got = convolve(image.Select(r => r.ToArray()).ToArray(), filter.Select(r => r.ToArray()).ToArray(), bias);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"on a {height} × {width} image with a {k} × {k} filter convolve threw {e.GetType().Name}: {e.Message}", hint);
            }
            int rows = height - k + 1, columns = width - k + 1;
            if (got is null || got.Length != rows || got.Any(r => r is null || r.Length != columns))
                return Fail(exercise, $"a {height} × {width} image and a {k} × {k} filter should give {rows} × {columns} outputs; yours gave {(got is null ? "null" : $"{got.Length} rows of {string.Join("/", got.Select(r => r?.Length ?? 0).Distinct())}")}.", hint);
            for (int y = 0; y < rows; y++)
                for (int x = 0; x < columns; x++)
                    if (Math.Abs(got[y][x] - expected[y * columns + x]) > 1e-9)
                        return Fail(exercise, $"on a {height} × {width} image with a {k} × {k} filter, output ({y}, {x}) is {got[y][x]:G6}, but the sum over its patch plus the bias is {expected[y * columns + x]:G6}.", hint);
        }
        return Pass(exercise, "your convolution agrees with the definition on four images and filters of different sizes.");
    }

    /// <summary>
    /// Passes if <paramref name="maxPool"/>(map, p) replaces each p × p block of the map by its largest value, on maps
    /// the check makes up (negative values among them, so a maximum that starts at 0 fails).
    /// </summary>
    public static CheckResult MaxPoolingByHand(string exercise, Func<double[][], int, double[][]>? maxPool)
    {
        const string hint = "output (y, x) is the largest of map[p·y + dy][p·x + dx] for dy, dx from 0 to p − 1; start from the block's first value, not from 0.";
        if (maxPool is null)
            return NotAnswered(exercise, hint);
        var random = new Random(2121);
        foreach (var (height, width, p) in new[] { (4, 4, 2), (6, 9, 3), (8, 4, 2), (3, 3, 1) })
        {
            double[][] map = Enumerable.Range(0, height).Select(_ => Enumerable.Range(0, width).Select(_ => Math.Round(random.NextDouble() * 2 - 1.5, 2)).ToArray()).ToArray();
            var pool = new MaxPoolingLayer<double>(new Shape(1, height, width), p);
            pool.Prepare(1);
            var expected = new double[pool.OutputShape.Size];
            pool.Forward(map.SelectMany(r => r).ToArray(), expected, 1, training: false);
            double[][] got;
            try
            {
                got = maxPool(map.Select(r => r.ToArray()).ToArray(), p);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"on a {height} × {width} map with {p} × {p} blocks maxPool threw {e.GetType().Name}: {e.Message}", hint);
            }
            int rows = height / p, columns = width / p;
            if (got is null || got.Length != rows || got.Any(r => r is null || r.Length != columns))
                return Fail(exercise, $"a {height} × {width} map in {p} × {p} blocks should give {rows} × {columns} values.", hint);
            for (int y = 0; y < rows; y++)
                for (int x = 0; x < columns; x++)
                    if (got[y][x] != expected[y * columns + x])
                        return Fail(exercise, $"on a {height} × {width} map with {p} × {p} blocks, output ({y}, {x}) is {got[y][x]:G4}, but the block's largest value is {expected[y * columns + x]:G4}.", hint);
        }
        return Pass(exercise, "your max-pooling agrees with the library's on four maps, all-negative blocks among them.");
    }
}
