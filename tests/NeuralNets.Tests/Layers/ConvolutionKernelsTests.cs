using NeuralNets.Activations;
using NeuralNets.Kernels;
using NeuralNets.Layers;

namespace NeuralNets.Tests.Layers;

/// <summary>Convolution and pooling on examples small enough to work out by hand, and the im2col path against the
/// plain definition.</summary>
public class ConvolutionKernelsTests
{
    [Fact]
    public void A_two_by_two_filter_on_a_three_by_three_image_gives_the_hand_computed_map()
    {
        // Image 1 2 3 / 4 5 6 / 7 8 9; filter 1 0 / 0 −1 (top-left minus bottom-right), bias 0.5.
        // Each output is a(y, x) − a(y + 1, x + 1) + 0.5 = −4 + 0.5 everywhere: −3.5.
        double[] image = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        double[] filter = [1, 0, 0, -1];
        var output = new double[4];
        ConvolutionKernels.DirectConvolution<double>(image, new Shape(1, 3, 3), filter, [0.5], 1, 2, output);
        Assert.Equal([-3.5, -3.5, -3.5, -3.5], output);

        // Another filter, 1 1 / 1 1: the sums of each 2 × 2 block, 12 16 / 24 28.
        ConvolutionKernels.DirectConvolution<double>(image, new Shape(1, 3, 3), [1, 1, 1, 1], [0.0], 1, 2, output);
        Assert.Equal([12.0, 16, 24, 28], output);
    }

    [Fact]
    public void The_layer_gives_the_hand_computed_map_through_im2col_and_the_matrix_product()
    {
        var layer = new ConvolutionLayer<double>(new Shape(1, 3, 3), filters: 2, kernelSize: 2, Activation.Relu, seed: 1);
        double[] weights = [1, 1, 1, 1, 1, 0, 0, -1];   // filter 0 sums the block, filter 1 is top-left minus bottom-right
        weights.CopyTo(layer.Weights);
        layer.Biases[0] = 0;
        layer.Biases[1] = 5;
        layer.Prepare(1);
        var output = new double[8];
        layer.Forward(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, output, 1, training: false);
        // Channels last: position (0,0) holds (12, 1), (0,1) holds (16, 1), ... ReLU(−4 + 5) = 1.
        Assert.Equal([12.0, 1, 16, 1, 24, 1, 28, 1], output);
        Assert.Equal([[1.0, 1], [1, 1]], layer.FilterImage(0));
        Assert.Equal([[1.0, 0], [0, -1]], layer.FilterImage(1));
    }

    [Fact]
    public void Max_pooling_keeps_each_blocks_largest_and_sends_the_error_back_to_it_only()
    {
        // Two channels of a 2 × 4 map, channels last: channel 0 is 1 5 2 0 / 3 4 8 7, channel 1 is its negative.
        double[] channel0 = [1, 5, 2, 0, 3, 4, 8, 7];
        double[] input = channel0.SelectMany(v => new[] { v, -v }).ToArray();
        var pool = new MaxPoolingLayer<double>(new Shape(2, 2, 4), 2);
        pool.Prepare(1);
        var output = new double[4];
        pool.Forward(input, output, 1, training: false);
        Assert.Equal([5.0, -1, 8, 0], output);   // block 1: max 5 and max of −(1,5,3,4) = −1; block 2: 8 and −0

        var inputError = new double[16];
        pool.Backward(input, output, new double[] { 10, 20, 30, 40 }, inputError, 1, errorIsForWeightedInputs: false);
        double[] expected = new double[16];
        expected[2] = 10;    // channel 0 at (0, 1), the 5
        expected[1] = 20;    // channel 1 at (0, 0), the −1
        expected[12] = 30;   // channel 0 at (1, 2), the 8
        expected[7] = 40;    // channel 1 at (0, 3), the −0
        Assert.Equal(expected, inputError);
    }

    [Theory]
    [InlineData(1, 28, 28, 20, 5)]
    [InlineData(20, 12, 12, 40, 5)]
    [InlineData(3, 7, 9, 4, 3)]
    public void Im2col_and_the_product_agree_with_the_definition_in_float_and_double(int channels, int height, int width, int filters, int k)
    {
        var shape = new Shape(channels, height, width);
        var random = new Random(channels * 100 + k);
        double[] input = Enumerable.Range(0, shape.Size).Select(_ => random.NextDouble()).ToArray();
        var layerD = new ConvolutionLayer<double>(shape, filters, k, Activation.Sigmoid, seed: 3);
        var layerF = new ConvolutionLayer<float>(shape, filters, k, Activation.Sigmoid, seed: 3);
        layerD.Prepare(2);
        layerF.Prepare(2);
        var outD = new double[2 * layerD.OutputShape.Size];
        var outF = new float[2 * layerF.OutputShape.Size];
        double[] twoInputs = [.. input, .. input.Select(v => 1 - v)];
        layerD.Forward(twoInputs, outD, 2, training: false);
        layerF.Forward(twoInputs.Select(v => (float)v).ToArray(), outF, 2, training: false);

        var z = new double[layerD.OutputShape.Size];
        for (int example = 0; example < 2; example++)
        {
            ConvolutionKernels.DirectConvolution<double>(twoInputs.AsSpan(example * shape.Size, shape.Size), shape,
                layerD.Weights, layerD.Biases, filters, k, z);
            for (int i = 0; i < z.Length; i++)
            {
                double expected = 1 / (1 + Math.Exp(-z[i]));
                Assert.Equal(expected, outD[example * z.Length + i], 1e-12);
                Assert.Equal(expected, outF[example * z.Length + i], 1e-5);
            }
        }
    }
    [Fact]
    public void A_batch_split_over_the_cores_gives_what_its_examples_give_one_at_a_time()
    {
        // 20 examples of the chapter-6 first layer: 20 × 25 × 576 multiply-adds each, enough to split the batch over
        // the cores; one example alone stays on one core. Outputs and the error sent back are per example, so they must
        // match exactly; the weight gradient is a sum over examples, so it matches up to the order of additions.
        var shape = new Shape(1, 28, 28);
        int batch = 20, outSize = 20 * 24 * 24;
        var random = new Random(9);
        float[] input = Enumerable.Range(0, batch * shape.Size).Select(_ => random.NextSingle()).ToArray();
        float[] outputError = Enumerable.Range(0, batch * outSize).Select(_ => random.NextSingle() - 0.5f).ToArray();

        var whole = new ConvolutionLayer<float>(shape, 20, 5, Activation.Relu, seed: 3);
        whole.Prepare(batch);
        float[] output = new float[batch * outSize], inputError = new float[batch * shape.Size];
        whole.Forward(input, output, batch, training: true);
        whole.Backward(input, output, outputError.ToArray(), inputError, batch, errorIsForWeightedInputs: false);
        Assert.True(ParallelKernels.Parts(20L * 25 * 576 * batch, batch) > 1 || Environment.ProcessorCount == 1);

        var single = new ConvolutionLayer<float>(shape, 20, 5, Activation.Relu, seed: 3);
        single.Prepare(1);
        var nablaW = new double[single.Weights.Length];
        for (int i = 0; i < batch; i++)
        {
            float[] x = input[(i * shape.Size)..((i + 1) * shape.Size)], a = new float[outSize], back = new float[shape.Size];
            single.Forward(x, a, 1, training: true);
            single.Backward(x, a, outputError[(i * outSize)..((i + 1) * outSize)], back, 1, errorIsForWeightedInputs: false);
            Assert.Equal(output[(i * outSize)..((i + 1) * outSize)], a);
            Assert.Equal(inputError[(i * shape.Size)..((i + 1) * shape.Size)], back);
            for (int j = 0; j < nablaW.Length; j++)
                nablaW[j] += single.NablaW[j];
        }
        for (int j = 0; j < nablaW.Length; j++)
            Assert.Equal(nablaW[j], whole.NablaW[j], 1e-3 * Math.Max(1, Math.Abs(nablaW[j])));
    }
}
