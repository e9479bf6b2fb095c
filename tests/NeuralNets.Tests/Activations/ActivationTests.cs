using NeuralNets.Activations;

namespace NeuralNets.Tests.Activations;

public class ActivationTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.7310585786300049)]      // 1 / (1 + e^-1)
    [InlineData(-2.0, 0.11920292202211755)]
    [InlineData(40.0, 1.0)]
    public void Sigmoid_has_known_values(double z, double expected) =>
        Assert.Equal(expected, Activation.Sigmoid.Apply(z), 12);

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("relu")]
    public void Derivative_matches_a_finite_difference(string name)
    {
        var activation = Activation.FromName(name);
        const double h = 1e-6;
        foreach (double z in new[] { -3.0, -0.7, 0.4, 2.5 })
        {
            double numeric = (activation.Apply(z + h) - activation.Apply(z - h)) / (2 * h);
            Assert.Equal(numeric, activation.Derivative(z), 8);
        }
    }

    [Fact]
    public void Tanh_and_relu_have_known_values()
    {
        Assert.Equal(Math.Tanh(0.8), Activation.Tanh.Apply(0.8), 12);
        Assert.Equal(0.0, Activation.Relu.Apply(-1.5));
        Assert.Equal(2.5, Activation.Relu.Apply(2.5));
    }

    [Fact]
    public void Softmax_columns_are_distributions_and_stable_for_large_inputs()
    {
        double[] z = [1, 2, 3, 1000, 1001, 1002];   // two columns of three; e^1000 would overflow unless shifted
        var a = new double[6];
        Activation.Softmax.Apply<double>(z, a, 3);
        double e = Math.E, total = 1 + e + e * e;
        Assert.Equal(1 / total, a[0], 12);
        Assert.Equal(e * e / total, a[2], 12);
        Assert.Equal(a[0], a[3], 12);
        Assert.Equal(1.0, a[3] + a[4] + a[5], 12);
    }

    [Fact]
    public void Unknown_names_are_rejected_with_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => Activation.FromName("swish"));
        Assert.Contains("swish", error.Message);
        Assert.Contains("sigmoid", error.Message);
    }
    [Fact]
    public void Relu_keeps_the_error_where_z_is_positive_and_zeroes_it_elsewhere_in_whole_vectors_and_the_tail()
    {
        // 37 values: whole vectors of any width and a tail; z = 0 (the kink, taken as slope 0) and −0 included.
        float[] z = Enumerable.Range(0, 37).Select(i => i % 3 == 0 ? 0f : (i % 2 == 0 ? 1 : -1) * (i + 0.5f)).ToArray();
        z[5] = -0f;
        float[] error = Enumerable.Range(0, 37).Select(i => i + 1f).ToArray();
        float[] expected = error.Select((e, i) => z[i] > 0 ? e : 0f).ToArray();

        var a = new float[37];
        Activation.Relu.Apply<float>(z, a, neurons: 37);
        Activation.Relu.MultiplyByDerivative<float>(z, a, error, neurons: 37);

        Assert.Equal(expected, error);
        Assert.Equal(12, error.Count(e => e != 0));   // the positive z's: even i not divisible by 3
    }
}
