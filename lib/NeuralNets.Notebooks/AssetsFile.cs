using System.Text.Json.Nodes;

namespace NeuralNets.Notebooks;

/// <summary>Reads what a restore resolved from <c>obj/project.assets.json</c>.</summary>
internal static class AssetsFile
{
    /// <summary>
    /// Full paths of the runtime assemblies of every package in the restore graph for
    /// <paramref name="targetFramework"/>: each package entry of <c>targets</c> lists its <c>runtime</c> files
    /// relative to the package folder (<c>libraries[...].path</c> under the first <c>packageFolders</c> entry);
    /// <c>_._</c> marks "nothing for this framework".
    /// </summary>
    public static IEnumerable<string> RuntimeAssemblies(string assetsPath, string targetFramework)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsPath))!;
        var packageFolder = assets["packageFolders"]!.AsObject().First().Key;
        var libraries = assets["libraries"]!.AsObject();
        var target = assets["targets"]![targetFramework]!.AsObject();
        foreach (var (name, entry) in target)
        {
            if (entry!["type"]?.GetValue<string>() != "package" || entry["runtime"] is not JsonObject runtime)
                continue;
            var packagePath = libraries[name]!["path"]!.GetValue<string>();
            foreach (var (file, _) in runtime)
            {
                if (Path.GetFileName(file) == "_._")
                    continue;
                yield return Path.GetFullPath(Path.Combine(packageFolder, packagePath, file));
            }
        }
    }
}
