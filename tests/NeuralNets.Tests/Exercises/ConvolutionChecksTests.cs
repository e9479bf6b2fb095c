using NeuralNets.Exercises;

namespace NeuralNets.Tests.Exercises;

/// <summary>Notebook 12's checks: right answers pass, wrong ones fail with the hint, gamed ones fail.</summary>
public class ConvolutionChecksTests
{
    private static double[][] Convolve(double[][] image, double[][] filter, double bias, bool flip = false, bool biasPerTerm = false)
    {
        int k = filter.Length, rows = image.Length - k + 1, columns = image[0].Length - k + 1;
        var output = new double[rows][];
        for (int y = 0; y < rows; y++)
        {
            output[y] = new double[columns];
            for (int x = 0; x < columns; x++)
            {
                double sum = biasPerTerm ? 0 : bias;
                for (int dy = 0; dy < k; dy++)
                    for (int dx = 0; dx < k; dx++)
                        sum += (flip ? filter[k - 1 - dy][k - 1 - dx] : filter[dy][dx]) * image[y + dy][x + dx] + (biasPerTerm ? bias : 0);
                output[y][x] = sum;
            }
        }
        return output;
    }

    private static double[][] Pool(double[][] map, int p, double start = double.NegativeInfinity)
    {
        var output = new double[map.Length / p][];
        for (int y = 0; y < output.Length; y++)
        {
            output[y] = new double[map[0].Length / p];
            for (int x = 0; x < output[y].Length; x++)
            {
                double best = start;
                for (int dy = 0; dy < p; dy++)
                    for (int dx = 0; dx < p; dx++)
                        best = Math.Max(best, map[p * y + dy][p * x + dx]);
                output[y][x] = best;
            }
        }
        return output;
    }

    [Fact]
    public void Convolution_by_hand()
    {
        Assert.True(Check.ConvolutionByHand("e", (i, f, b) => Convolve(i, f, b)).Passed);
        CheckAssert.Fails(Check.ConvolutionByHand("e", (i, f, b) => Convolve(i, f, b, flip: true)), "the sum over its patch plus the bias");
        CheckAssert.Fails(Check.ConvolutionByHand("e", (i, f, b) => Convolve(i, f, b, biasPerTerm: true)), "the sum over its patch plus the bias");
        CheckAssert.Fails(Check.ConvolutionByHand("e", (i, f, b) => i), "should give");
        CheckAssert.Fails(Check.ConvolutionByHand("e", (i, f, b) => throw new InvalidOperationException("boom")), "boom");
        CheckAssert.Fails(Check.ConvolutionByHand("e", null), "not answered yet");
    }

    [Fact]
    public void Max_pooling_by_hand()
    {
        Assert.True(Check.MaxPoolingByHand("e", (m, p) => Pool(m, p)).Passed);
        CheckAssert.Fails(Check.MaxPoolingByHand("e", (m, p) => Pool(m, p, start: 0)), "the block's largest value");
        CheckAssert.Fails(Check.MaxPoolingByHand("e", (m, p) => m), "should give");
        CheckAssert.Fails(Check.MaxPoolingByHand("e", null), "not answered yet");
    }
}
