using System.Numerics;
using NeuralNets.Costs;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.GradientChecking;

/// <summary>
/// Checks backpropagation against the definition of a derivative: nudge one parameter p by ±h and see how
/// the cost moves, ∂C/∂p ≈ (C(p + h) − C(p − h)) / 2h. Slow (two forward passes per parameter) but hard to
/// get wrong, so it is the trusted reference for backprop on small networks.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// The gradient of C = Σₓ Cₓ over the batch by central finite differences, every parameter in turn, in the
    /// order of <see cref="Gradients{T}.Flatten"/> (weights then biases, layer by layer). The network is left unchanged.
    /// </summary>
    public static T[] NumericalGradient<T>(Network<T> network, MiniBatch<T> batch, Cost cost, double h = 1e-5)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var forward = new Backpropagation<T>(network, batch.Count);
        return NumericalGradient(network, () => cost.Value<T>(forward.FeedForward(batch.Inputs, batch.Count), batch.Targets), h);
    }

    /// <summary>
    /// The same for any <paramref name="costNow"/> that measures the network as it stands: for instance the cost
    /// through a <see cref="Backpropagation{T}"/> whose dropout masks are held fixed.
    /// </summary>
    public static T[] NumericalGradient<T>(Network<T> network, Func<T> costNow, double h = 1e-5)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T step = T.CreateTruncating(h);
        var gradient = new List<T>();

        // Nudge each number of the live storage by ±h, measure the cost both times, and put the number back.
        void NudgeEach(Span<T> parameters)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                T original = parameters[i];
                parameters[i] = original + step;
                T up = costNow();
                parameters[i] = original - step;
                T down = costNow();
                parameters[i] = original;
                gradient.Add((up - down) / (step + step));
            }
        }

        for (int l = 0; l < network.LayerCount - 1; l++)
        {
            NudgeEach(network.Weights(l));
            NudgeEach(network.Biases(l));
        }
        return gradient.ToArray();
    }

    /// <summary>
    /// Compares backpropagation's gradient with the finite-difference one on <paramref name="batch"/>.
    /// </summary>
    public static GradientCheckResult Compare<T>(Network<T> network, MiniBatch<T> batch, Cost cost, double h = 1e-5)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var backprop = new Backpropagation<T>(network, batch.Count);
        var analytic = backprop.Backpropagate(batch, cost).Flatten();
        var numeric = NumericalGradient(network, batch, cost, h);
        return GradientCheckResult.From(analytic, numeric);
    }
}
