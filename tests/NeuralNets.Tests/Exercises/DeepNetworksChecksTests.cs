using NeuralNets.Exercises;

namespace NeuralNets.Tests.Exercises;

/// <summary>Notebook 11's checks: right answers pass, wrong ones fail with the hint, gamed ones fail.</summary>
public class DeepNetworksChecksTests
{
    private static double Sigma(double z) => 1 / (1 + Math.Exp(-z));

    private static double Ratio(double[] w, double[] b, double x, bool withSigmaPrime = true)
    {
        var z = new double[w.Length];
        double a = x;
        for (int l = 0; l < w.Length; l++)
        {
            z[l] = w[l] * a + b[l];
            a = Sigma(z[l]);
        }
        double ratio = 1;
        for (int l = 0; l < w.Length - 1; l++)
            ratio *= (withSigmaPrime ? Sigma(z[l]) * (1 - Sigma(z[l])) : 1) * w[l + 1];
        return ratio;
    }

    [Fact]
    public void Vanishing_gradient_ratio()
    {
        Assert.True(Check.VanishingGradientRatio("e", (w, b, x) => Ratio(w, b, x)).Passed);
        CheckAssert.Fails(Check.VanishingGradientRatio("e", (w, b, x) => Ratio(w, b, x, withSigmaPrime: false)), "product of the weights alone");
        CheckAssert.Fails(Check.VanishingGradientRatio("e", (w, b, x) => Math.Pow(0.25, w.Length - 1)), "backpropagation gives");
        CheckAssert.Fails(Check.VanishingGradientRatio("e", null), "not answered yet");
    }

    [Fact]
    public void Width_where_a_factor_reaches_one()
    {
        static double Width(double w)
        {
            double W = Math.Abs(w);
            if (W <= 4) return 0;
            double root = Math.Sqrt(1 - 4 / W);
            double high = (1 + root) / 2, low = (1 - root) / 2;
            return (Math.Log(high / (1 - high)) - Math.Log(low / (1 - low))) / W;
        }
        Assert.True(Check.FactorAtLeastOneWidth("e", Width).Passed);
        CheckAssert.Fails(Check.FactorAtLeastOneWidth("e", w => Width(w) * Math.Abs(w)), "a scan of a finds");   // the width in z, not in a
        CheckAssert.Fails(Check.FactorAtLeastOneWidth("e", w => 0.5), "a scan of a finds");
        CheckAssert.Fails(Check.FactorAtLeastOneWidth("e", null), "not answered yet");
    }
}
