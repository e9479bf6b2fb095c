namespace NeuralNets.Exercises;

/// <summary>The check of notebook 05's steepest-descent exercise (Nielsen's Cauchy-Schwarz exercise, done numerically).</summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="steepestMove"/>(∇C, ε) returns the move Δv of length ε that makes ∇C·Δv smallest,
    /// on gradients of several dimensions it has never seen: the length must be ε, ∇C·Δv must reach the Cauchy-Schwarz
    /// bound −ε‖∇C‖, below which no move of that length can go.
    /// </summary>
    public static CheckResult SteepestMove(string exercise, Func<double[], double, double[]>? steepestMove)
    {
        const string hint = "for a move of length ε, ∇C·Δv = ε‖∇C‖cos θ, θ the angle between them. Which θ makes that smallest, and which vector of length ε points that way?";
        if (steepestMove is null)
            return NotAnswered(exercise, hint);

        var random = new Random(2025);
        foreach (int dimension in new[] { 2, 3, 7, 50 })
        {
            double[] gradient = Enumerable.Range(0, dimension).Select(_ => 4 * random.NextDouble() - 2).ToArray();
            double epsilon = 0.001 + random.NextDouble() * 0.1;
            double[] gradientCopy = (double[])gradient.Clone();
            string call = $"steepestMove(a {dimension}-dimensional gradient, ε = {epsilon:G3})";
            double[] move;
            try
            {
                move = steepestMove(gradientCopy, epsilon);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"{call} threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (move is null || move.Length != dimension)
                return Fail(exercise, $"{call} returned {(move is null ? "null" : $"{move.Length} numbers")}, not {dimension}.", hint);
            if (!gradientCopy.SequenceEqual(gradient))
                return Fail(exercise, $"{call} changed the gradient it was given.", hint);
            double length = Math.Sqrt(move.Sum(x => x * x));
            if (Math.Abs(length - epsilon) > 1e-9 * Math.Max(1, epsilon))
                return Fail(exercise, $"{call} returned a move of length {length:G6}, not ε = {epsilon:G6}: compare moves of the same length.", hint);
            double norm = Math.Sqrt(gradient.Sum(g => g * g));
            double change = Dot(gradient, move);
            double bound = -epsilon * norm;   // Cauchy-Schwarz: ∇C·Δv ≥ −‖∇C‖‖Δv‖
            if (change > bound + 1e-9 * Math.Abs(bound))
                return Fail(exercise, $"{call}: ∇C·Δv = {change:G6}, but the least possible is −ε‖∇C‖ = {bound:G6}.", hint);
        }
        return Pass(exercise, "your move has length ε and reaches −ε‖∇C‖, the Cauchy-Schwarz bound no move of that length can pass, in 2, 3, 7 and 50 dimensions.");
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
