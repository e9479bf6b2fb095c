using System.Reflection;
using NeuralNets.Exercises;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.Tests.Display;

/// <summary>How the library's types read when a notebook shows them: their text, and the hook the kernel uses.</summary>
public sealed class KernelDisplayTests
{
    [Fact]
    public void A_history_reads_as_a_table_of_every_epoch_with_the_monitored_columns_and_the_best_epoch()
    {
        var history = new TrainingHistory();
        history.Add(new EpochResult(1, 0.34, TrainingCost: 0.5, TrainingAccuracy: null, EvaluationCost: null, EvaluationAccuracy: 0.9083));
        history.Add(new EpochResult(2, 0.18, TrainingCost: 0.25, TrainingAccuracy: null, EvaluationCost: null, EvaluationAccuracy: 0.9178));
        history.Add(new EpochResult(3, 0.10, TrainingCost: 0.125, TrainingAccuracy: null, EvaluationCost: null, EvaluationAccuracy: 0.9140));

        var lines = history.ToString().Split(Environment.NewLine);

        Assert.Equal(5, lines.Length);
        Assert.Equal(["epoch", "evaluation", "accuracy", "training", "cost", "seconds"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["1", "90.83%", "0.5000", "0.34"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["3", "91.40%", "0.1250", "0.10"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("best evaluation accuracy 91.78% at epoch 2", lines[4]);
        Assert.All(lines[..4], line => Assert.Equal(lines[0].Length, line.Length));   // columns line up
    }

    [Theory]
    [InlineData(typeof(TrainingHistory))]
    [InlineData(typeof(EpochResult))]
    [InlineData(typeof(CheckResult))]
    [InlineData(typeof(Network<float>))]
    [InlineData(typeof(NeuralNets.Evaluation.ConfusionMatrix))]
    [InlineData(typeof(NeuralNets.GradientChecking.GradientCheckResult))]
    [InlineData(typeof(NeuralNets.Data.ImageSet))]
    public void The_kernel_finds_a_text_and_an_html_formatter_by_convention(Type type)
    {
        // What Microsoft.DotNet.Interactive.Formatting does: an attribute *named* TypeFormatterSourceAttribute, its
        // FormatterSourceType's CreateTypeFormatters(), and each formatter's MimeType and Format(object, TextWriter).
        var attribute = type.GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Equal(["text/html", "text/plain"], (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).ToList();

        var check = new CheckResult("Exercise 1", false, "a < b & c");
        var written = formatters.ToDictionary(
            f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!,
            f =>
            {
                var writer = new StringWriter();
                Assert.True((bool)f.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!.Invoke(f, [check, writer])!);
                return writer.ToString();
            });

        Assert.Equal("❌ NOT YET — Exercise 1: a < b & c", written["text/plain"]);
        Assert.Equal("<pre>❌ NOT YET — Exercise 1: a &lt; b &amp; c</pre>", written["text/html"]);
    }
}
