namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>What the page says about its first plot once plotly has finished drawing it.</summary>
/// <param name="Plotted">False if the chart never called <c>Plotly.newPlot</c> (its script failed first).</param>
/// <param name="PlotError">The error <c>Plotly.newPlot</c>'s promise was rejected with; null if it resolved.</param>
/// <param name="Id">The id of the plotted div.</param>
/// <param name="Traces"><c>div.data.length</c>: the traces plotly was given and kept.</param>
/// <param name="TraceTypes">The type of each visible trace, as plotly resolved it (<c>_fullData</c>).</param>
/// <param name="Undrawn">What a drawn chart would have but this one lacks, one line per missing part.</param>
/// <param name="Width">The layout's width in CSS pixels, as plotly resolved it.</param>
/// <param name="Height">The layout's height in CSS pixels.</param>
public sealed record ChartProbe(bool Plotted, string? PlotError, string? Id, int Traces, string[] TraceTypes,
    string[] Undrawn, int Width, int Height)
{
    /// <summary>
    /// The function the page runs (with <c>EvaluateFunctionAsync</c>). It waits for every newPlot promise and two
    /// animation frames (so the drawing has been painted), then looks for what each trace type draws: the SVG root,
    /// scatter and bar traces in their layers, heatmap images, contour paths, and a WebGL canvas with a live scene
    /// for 3-D traces.
    /// </summary>
    public const string Script = """
        async () => {
            const plots = window.__plots || [];
            if (plots.length === 0)
                return { plotted: false, plotError: null, id: null, traces: 0, traceTypes: [], undrawn: [], width: 0, height: 0 };
            const errors = await Promise.all(plots.map(plot => plot.done));
            await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));

            const plot = plots[0];
            const div = typeof plot.target === 'string' ? document.getElementById(plot.target) : plot.target;
            const full = (div && div._fullData) || [];
            const types = full.filter(trace => trace.visible === true).map(trace => trace.type);
            const has = selector => div.querySelector(selector) !== null;
            const undrawn = [];
            if (!div || !has('.main-svg')) undrawn.push('no .main-svg (plotly drew no SVG)');
            const marks = {
                scatter: ['.scatterlayer .trace', 'no scatter trace in .scatterlayer'],
                bar: ['.barlayer .trace', 'no bar trace in .barlayer'],
                histogram: ['.barlayer .trace', 'no histogram trace in .barlayer'],
                heatmap: ['.hm image', 'no heatmap <image> in .hm'],
                contour: ['.contourlayer path', 'no contour path in .contourlayer'],
            };
            const is3d = type => ['surface', 'scatter3d', 'mesh3d', 'cone', 'streamtube', 'isosurface', 'volume'].includes(type);
            for (const type of new Set(types)) {
                if (div && marks[type] && !has(marks[type][0])) undrawn.push(`${type}: ${marks[type][1]}`);
                // A line-only trace of a single point draws an empty layer: a chart that looks blank to a person.
                if (div && type === 'scatter') {
                    const lines = [...div.querySelectorAll('.scatterlayer .trace path.js-line')]
                        .filter(path => /[LHVCSQTA]/i.test(path.getAttribute('d') || '')).length;   // "M120,60" alone draws nothing
                    const points = div.querySelectorAll('.scatterlayer .trace .points path, .scatterlayer .trace .text text').length;
                    if (lines + points === 0) undrawn.push('scatter: no line and no point drawn (a one-point line without markers?)');
                }
                if (div && is3d(type)) {
                    const scene = div._fullLayout && div._fullLayout.scene && div._fullLayout.scene._scene;
                    if (!has('canvas')) undrawn.push(`${type}: no <canvas> (3-D needs WebGL)`);
                    else if (!scene || !scene.glplot) undrawn.push(`${type}: no WebGL scene (WebGL unavailable?)`);
                }
            }
            return {
                plotted: true,
                plotError: errors.find(error => error !== null) || null,
                id: div ? div.id : null,
                traces: div && div.data ? div.data.length : 0,
                traceTypes: types,
                undrawn: undrawn,
                width: Math.round(div && div._fullLayout ? div._fullLayout.width : 0),
                height: Math.round(div && div._fullLayout ? div._fullLayout.height : 0),
            };
        }
        """;
}
