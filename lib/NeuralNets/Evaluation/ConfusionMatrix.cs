namespace NeuralNets.Evaluation;

/// <summary>
/// How often each true class was predicted as each class: row = true label, column = prediction.
/// The diagonal holds the right answers; everything else is a mistake.
/// </summary>
[NeuralNets.Display.TypeFormatterSource(typeof(NeuralNets.Display.TextFormatterSource))]
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    /// <summary>Wraps a square table of counts, [true label, predicted label].</summary>
    public ConfusionMatrix(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != counts.GetLength(1))
            throw new ArgumentException($"A confusion matrix is square; got {counts.GetLength(0)} × {counts.GetLength(1)}.", nameof(counts));
        _counts = (int[,])counts.Clone();
    }

    /// <summary>How many classes there are.</summary>
    public int ClassCount => _counts.GetLength(0);

    /// <summary>How many images of class <paramref name="label"/> were predicted as <paramref name="predicted"/>.</summary>
    public int this[int label, int predicted] => _counts[label, predicted];

    /// <summary>How many images were counted.</summary>
    public int Total => _counts.Cast<int>().Sum();

    /// <summary>The fraction on the diagonal: the accuracy.</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Enumerable.Range(0, ClassCount).Sum(c => _counts[c, c]) / Total;

    /// <summary>The counts as rows (row = true label): the form a heatmap takes.</summary>
    public int[][] Rows => Enumerable.Range(0, ClassCount)
        .Select(r => Enumerable.Range(0, ClassCount).Select(c => _counts[r, c]).ToArray()).ToArray();

    /// <summary>The off-diagonal cells, most frequent mistakes first.</summary>
    public IReadOnlyList<(int Label, int Predicted, int Count)> MostConfused(int top = 5) =>
        (from label in Enumerable.Range(0, ClassCount)
         from predicted in Enumerable.Range(0, ClassCount)
         where label != predicted && _counts[label, predicted] > 0
         orderby _counts[label, predicted] descending, label, predicted
         select (label, predicted, _counts[label, predicted])).Take(top).ToList();

    /// <inheritdoc />
    public override string ToString()
    {
        var lines = new List<string> { "true\\pred " + string.Join(" ", Enumerable.Range(0, ClassCount).Select(c => $"{c,5}")) };
        for (int r = 0; r < ClassCount; r++)
            lines.Add($"{r,9} " + string.Join(" ", Enumerable.Range(0, ClassCount).Select(c => $"{_counts[r, c],5}")));
        return string.Join(Environment.NewLine, lines);
    }
}
