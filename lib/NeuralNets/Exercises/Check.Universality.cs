namespace NeuralNets.Exercises;

/// <summary>Checks for notebook 10 (universality): the learner gives weights and biases, and the check builds the
/// neurons from them and feeds them inputs it picks, so a formula in place of neurons cannot pass.</summary>
public static partial class Check
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>
    /// Passes if <paramref name="stepAt"/>(s) gives the weight w and bias b of one sigmoid neuron σ(w x + b) that steps
    /// from 0 to 1 at x = s: below 0.01 at x ≤ s − 0.01 and above 0.99 at x ≥ s + 0.01, for positions the check picks.
    /// </summary>
    public static CheckResult StepNeuron(string exercise, Func<double, (double W, double B)>? stepAt)
    {
        const string hint = "the step sits where w x + b = 0, at x = −b/w; a large w makes it steep (how large, for the output to go from 0.01 to 0.99 within ±0.01?).";
        if (stepAt is null)
            return NotAnswered(exercise, hint);
        foreach (double s in new[] { 0.5, 0.13, 0.87, 0.3333, -2.0, 5.5 })
        {
            (double w, double b) neuron;
            try
            {
                neuron = stepAt(s);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"stepAt({s}) threw {e.GetType().Name}: {e.Message}", hint);
            }
            double low = Sigmoid(neuron.w * (s - 0.01) + neuron.b), high = Sigmoid(neuron.w * (s + 0.01) + neuron.b);
            if (!(low < 0.01 && high > 0.99))
            {
                string where = neuron.w == 0 ? "w = 0 gives no step at all" : $"your step is centred at x = −b/w = {-neuron.b / neuron.w:G4}";
                return Fail(exercise, $"for s = {s}: σ(w x + b) is {low:G3} at s − 0.01 and {high:G3} at s + 0.01 (w = {neuron.w:G4}, b = {neuron.b:G4}); {where}.", hint);
            }
        }
        return Pass(exercise, "your neuron steps from below 0.01 to above 0.99 within ±0.01 of every position tried.");
    }

    /// <summary>
    /// Passes if <paramref name="bumpNeurons"/>(start, end, height) gives the hidden weights W, hidden biases B and
    /// output weights V of two sigmoid neurons whose weighted sum Σ_j V_j σ(W_j x + B_j) is a bump: about
    /// <c>height</c> for x inside (start, end) and about 0 outside (0.02 from the edges), for bumps the check picks.
    /// </summary>
    public static CheckResult BumpNeurons(string exercise, Func<double, double, double, (double[] W, double[] B, double[] V)>? bumpNeurons)
    {
        const string hint = "one neuron steps up at start, the other at end; give the first the output weight +height and the second −height, so that the second cancels the first after end.";
        if (bumpNeurons is null)
            return NotAnswered(exercise, hint);
        foreach (var (start, end, height) in new[] { (0.4, 0.6, 0.8), (0.1, 0.25, -1.5), (0.7, 0.95, 3.0), (0.05, 0.5, 0.3) })
        {
            (double[] W, double[] B, double[] V) net;
            try
            {
                net = bumpNeurons(start, end, height);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"bumpNeurons({start}, {end}, {height}) threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (net.W is null || net.B is null || net.V is null || net.W.Length != 2 || net.B.Length != 2 || net.V.Length != 2)
                return Fail(exercise, "give two hidden weights, two hidden biases and two output weights: two neurons make one bump.", hint);
            double Output(double x) => Enumerable.Range(0, 2).Sum(j => net.V[j] * Sigmoid(net.W[j] * x + net.B[j]));
            foreach (double x in new[] { start - 0.3, start - 0.02, (start + end) / 2, start + 0.02, end - 0.02, end + 0.02, end + 0.3 })
            {
                double expected = x > start && x < end ? height : 0;
                double got = Output(x);
                if (Math.Abs(got - expected) > 0.01 * Math.Max(1, Math.Abs(height)))
                    return Fail(exercise, $"for a bump from {start} to {end} of height {height}, your neurons give {got:G4} at x = {x:G3}, where it should be about {expected}.", hint);
            }
        }
        return Pass(exercise, "your two neurons make the bump asked for, of every height and width tried, negative heights too.");
    }
}
