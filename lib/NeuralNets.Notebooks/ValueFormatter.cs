using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace NeuralNets.Notebooks;

/// <summary>
/// Turns a value into the MIME forms a notebook stores: always <c>text/plain</c>, and <c>text/html</c> for a
/// Plotly.NET chart. The chart type is found by name at run time, so the runner needs no Plotly reference and
/// works whether or not a notebook loads Plotly.NET.
/// </summary>
internal static class ValueFormatter
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    // How many items of a sequence text/plain shows before "...", as the kernel's plain-text formatter does.
    private const int MaxItems = 20;

    private static readonly ConcurrentDictionary<Type, MethodInfo?> ChartRenderers = new();

    /// <summary>The forms of <paramref name="value"/>; <paramref name="mimeTypes"/>, if any, says which to keep.</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, IReadOnlyCollection<string> mimeTypes)
    {
        var forms = new Dictionary<string, string> { [PlainText] = PlainTextOf(value) };
        if (value is not null && ChartRendererFor(value.GetType()) is { } render)
            forms[Html] = (string)render.Invoke(null, [value])!;

        if (mimeTypes.Count == 0)
            return forms;
        var kept = forms.Where(form => mimeTypes.Contains(form.Key)).ToDictionary();
        return kept.Count > 0 ? kept : new Dictionary<string, string> { [PlainText] = forms[PlainText] };
    }

    /// <summary>
    /// The kernel's plain-text style: <c>&lt;null&gt;</c> for null, strings as they are, sequences as
    /// <c>[ 1, 2, 3 ]</c>, anything else by its <see cref="object.ToString"/>.
    /// </summary>
    public static string PlainTextOf(object? value) => value switch
    {
        null => "<null>",
        string text => text,
        IEnumerable sequence => SequenceText(sequence),
        _ => value.ToString() ?? "",
    };

    private static string SequenceText(IEnumerable sequence)
    {
        var items = new List<string>();
        var more = false;
        foreach (var item in sequence)
        {
            if (items.Count == MaxItems)
            {
                more = true;
                break;
            }
            items.Add(PlainTextOf(item));
        }
        return items.Count == 0 ? "[ ]" : $"[ {string.Join(", ", items)}{(more ? ", ..." : "")} ]";
    }

    /// <summary>
    /// Plotly.NET's <c>GenericChart.toChartHTML</c> if <paramref name="type"/> is a chart, else null. Since
    /// Plotly.NET 4 the chart is the F# union <c>Plotly.NET.GenericChart</c> (cases are nested subclasses such
    /// as <c>GenericChart+Chart</c>) and <c>toChartHTML</c> is its static member; before, the union was
    /// <c>Plotly.NET.GenericChart+GenericChart</c> inside the module class <c>Plotly.NET.GenericChart</c>.
    /// Walking the base types and their declaring types finds the method in both layouts.
    /// </summary>
    private static MethodInfo? ChartRendererFor(Type type) => ChartRenderers.GetOrAdd(type, static type =>
    {
        for (var candidate = type; candidate is not null; candidate = candidate.BaseType)
        {
            foreach (var owner in new[] { candidate, candidate.DeclaringType })
            {
                if (owner?.FullName != "Plotly.NET.GenericChart")
                    continue;
                var method = owner.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m =>
                    m.Name == "toChartHTML" && m.ReturnType == typeof(string) &&
                    m.GetParameters() is [var parameter] && parameter.ParameterType.IsAssignableFrom(type));
                if (method is not null)
                    return method;
            }
        }
        return null;
    });
}
