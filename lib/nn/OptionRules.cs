using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NeuralNets.Cli;

/// <summary>
/// Checks on flag values that every command shares. Each looks at what was typed: a word where a number belongs is
/// already a parse error of System.CommandLine's own ("Cannot parse argument 'abc' for option '--eta'..."), so a
/// rule says nothing about it, and never asks the parser for a value it could not make.
/// </summary>
internal static class OptionRules
{
    /// <summary>The whole number typed for <paramref name="option"/> must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (Typed(result) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value < minimum)
                result.AddError($"{option.Name} must be at least {minimum}, got {text}.");
        });
        return option;
    }

    /// <summary>The number typed for <paramref name="option"/> must be finite and above (or, if
    /// <paramref name="orEqual"/>, at least) <paramref name="bound"/>.</summary>
    public static Option<double> Above(this Option<double> option, double bound, bool orEqual = false)
    {
        option.Validators.Add(result =>
        {
            if (Typed(result) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && !(double.IsFinite(value) && (orEqual ? value >= bound : value > bound)))
                result.AddError($"{option.Name} must be a finite number {(orEqual ? "of at least" : "above")} {bound.ToString(CultureInfo.InvariantCulture)}, got {text}.");
        });
        return option;
    }

    /// <summary>The flag may be given once: a second <c>--sizes</c> would otherwise add its numbers to the first's.</summary>
    public static T Once<T>(this T option) where T : Option
    {
        option.Validators.Add(result =>
        {
            if (result.IdentifierTokenCount > 1)
                result.AddError($"{option.Name} was given {result.IdentifierTokenCount} times; give it once.");
        });
        return option;
    }

    private static string? Typed(OptionResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
}
