namespace NeuralNets.Networks;

/// <summary>How a new network's weights are drawn. Biases are always drawn from N(0, 1), as in Nielsen's code.</summary>
public enum WeightInitialisation
{
    /// <summary>Every weight from the standard normal N(0, 1) (Nielsen chapter 1, network.py).</summary>
    StandardNormal,

    /// <summary>Weights into a neuron with n_in inputs from N(0, 1/n_in): standard deviation 1/√n_in
    /// (Nielsen chapter 3, network2.py), so weighted inputs z start small and neurons start unsaturated.</summary>
    ScaledNormal,
}
