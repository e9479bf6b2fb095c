namespace NeuralNets.Training;

/// <summary>
/// Which penalty on the weights <see cref="TrainingOptions.Lambda"/> sets (Nielsen chapter 3, "Other techniques for
/// regularization"). Both shrink the weights at every step; they differ in how.
/// </summary>
public enum Regularisation
{
    /// <summary>
    /// L2, weight decay: C = C₀ + (λ/2n) Σ w² (Nielsen eq. 87), so each step multiplies every weight by (1 − ηλ/n)
    /// (eq. 93): a weight shrinks in proportion to its size.
    /// </summary>
    L2,

    /// <summary>
    /// L1: C = C₀ + (λ/n) Σ |w| (eq. 95), so ∂C/∂w = ∂C₀/∂w + (λ/n) sgn(w) (eq. 96) and each step moves every weight
    /// a constant ηλ/n towards zero (eq. 97), w → w − (ηλ/n) sgn(w) − η ∂C₀/∂w, with sgn(0) = 0 as Nielsen takes it.
    /// Small weights are driven to zero, a few large ones survive.
    /// </summary>
    L1,
}
