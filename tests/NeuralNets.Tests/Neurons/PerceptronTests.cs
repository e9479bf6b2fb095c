using NeuralNets.Neurons;

namespace NeuralNets.Tests.Neurons;

public class PerceptronTests
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Nand_perceptron_has_the_nand_truth_table(int x1, int x2, int expected) =>
        Assert.Equal(expected, Perceptron.Nand.Output(x1, x2));

    [Fact]
    public void Nand_weighted_inputs_are_nielsens()
    {
        Assert.Equal(3.0, Perceptron.Nand.WeightedInput(0, 0));   // (-2)*0 + (-2)*0 + 3
        Assert.Equal(-1.0, Perceptron.Nand.WeightedInput(1, 1));  // (-2)*1 + (-2)*1 + 3
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(0, 1, 1, 0)]
    [InlineData(1, 0, 1, 0)]
    [InlineData(1, 1, 0, 1)]
    public void Bit_adder_gives_sum_and_carry(int x1, int x2, int sum, int carry) =>
        Assert.Equal((sum, carry), NandAdder.AddBits(x1, x2));

    [Fact]
    public void Ripple_carry_adder_adds_every_pair_of_two_and_four_bit_numbers()
    {
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
                Assert.Equal(a + b, NandAdder.Add(a, b, bits: 2));
        for (int a = 0; a < 16; a++)
            for (int b = 0; b < 16; b++)
                Assert.Equal(a + b, NandAdder.Add(a, b, bits: 4));
    }

    [Fact]
    public void Bad_bits_and_input_counts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NandAdder.AddBits(2, 0));
        var error = Assert.Throws<ArgumentException>(() => Perceptron.Nand.Output(1.0, 0.0, 1.0));
        Assert.Contains("2 inputs", error.Message);
    }

    [Fact]
    public void Sigmoid_neuron_tends_to_a_perceptron_as_weights_scale_up()
    {
        var neuron = new SigmoidNeuron([0.7, -1.2], 0.3);
        var perceptron = new Perceptron([0.7, -1.2], 0.3);
        double[][] inputs = [[1, 0], [0, 1], [1, 1], [0.4, 0.9]];
        foreach (var x in inputs)
            Assert.Equal(perceptron.Output(x), neuron.Scaled(1e4).Output(x), 6);
        Assert.Equal(0.5, new SigmoidNeuron([1, 1], -1).Output(0.5, 0.5), 12);   // z = 0 exactly: output ½ for every c
    }
}
