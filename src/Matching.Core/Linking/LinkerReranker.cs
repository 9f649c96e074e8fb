using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Matching.Core.Linking;

/// <summary>
/// A learned re-ranker (LambdaMART trees trained with ML.NET LightGBM by <see cref="LinkerTraining"/>) evaluated by plain
/// code: the trees are exported to a small text file inside a zip, so loading takes milliseconds and scoring needs no
/// ML.NET pipeline. A tree node sends a row left when its feature is ≤ the threshold; a negative child is ~leaf.
/// </summary>
public sealed class LinkerReranker
{
    private const string TreesEntry = "trees.tsv", FeaturesEntry = "features.txt";

    private readonly Tree[] _trees;
    private readonly double _bias;

    internal sealed record Tree(double Weight, int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf);

    internal LinkerReranker(Tree[] trees, double bias)
    {
        _trees = trees;
        _bias = bias;
    }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>Where the occupation re-ranker is looked for: <c>models/linker-occupations-fr-en.zip</c> next to the assemblies.</summary>
    public static string OccupationModelFile => Path.Combine(AppContext.BaseDirectory, "models", "linker-occupations-fr-en.zip");

    /// <summary>The relevance score of one feature row (higher is better; not a probability).</summary>
    public double Score(ReadOnlySpan<float> row)
    {
        var sum = _bias;
        foreach (var t in _trees)
        {
            var node = 0;
            while (node >= 0) node = row[t.Feature[node]] <= t.Threshold[node] ? t.Left[node] : t.Right[node];
            sum += t.Weight * t.Leaf[~node];
        }
        return sum;
    }

    /// <summary>Writes the model to <paramref name="path"/> (a zip holding the feature names and the trees as text).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        using (var w = new StreamWriter(zip.CreateEntry(FeaturesEntry, CompressionLevel.Optimal).Open(), new UTF8Encoding(false)))
            w.Write(string.Join('\n', RerankFeatures.Names));
        using var t = new StreamWriter(zip.CreateEntry(TreesEntry, CompressionLevel.Optimal).Open(), new UTF8Encoding(false)) { NewLine = "\n" };
        var inv = CultureInfo.InvariantCulture;
        t.WriteLine(string.Create(inv, $"bias\t{_bias:R}"));
        foreach (var tree in _trees)
        {
            t.WriteLine(string.Create(inv, $"tree\t{tree.Weight:R}\t{tree.Leaf.Length}"));
            for (var n = 0; n < tree.Left.Length; n++)
                t.WriteLine(string.Create(inv, $"{tree.Feature[n]}\t{tree.Threshold[n]:R}\t{tree.Left[n]}\t{tree.Right[n]}"));
            t.WriteLine(string.Join('\t', tree.Leaf.Select(v => v.ToString("R", inv))));
        }
    }

    /// <summary>
    /// Reads a model written by <see cref="Save"/>; null when the file does not exist. Throws <see cref="InvalidDataException"/>
    /// when the file was trained with other features than this build computes.
    /// </summary>
    public static LinkerReranker? TryLoad(string path)
    {
        if (!File.Exists(path)) return null;
        using var zip = ZipFile.OpenRead(path);
        var featureEntry = zip.GetEntry(FeaturesEntry) ?? throw new InvalidDataException($"{path}: no {FeaturesEntry}; retrain with `matching train-linker`.");
        using (var r = new StreamReader(featureEntry.Open()))
        {
            var names = r.ReadToEnd().Split('\n');
            if (!names.SequenceEqual(RerankFeatures.Names))
                throw new InvalidDataException($"{path} was trained with other features than this build computes; retrain with `matching train-linker`.");
        }
        var treeEntry = zip.GetEntry(TreesEntry) ?? throw new InvalidDataException($"{path}: no {TreesEntry}; retrain with `matching train-linker`.");
        using var reader = new StreamReader(treeEntry.Open());
        var inv = CultureInfo.InvariantCulture;
        var bias = double.Parse(reader.ReadLine()!.Split('\t')[1], inv);
        var trees = new List<Tree>();
        while (reader.ReadLine() is { } header)
        {
            var h = header.Split('\t');
            var weight = double.Parse(h[1], inv);
            var leaves = int.Parse(h[2], inv);
            var nodes = leaves - 1;
            int[] left = new int[nodes], right = new int[nodes], feature = new int[nodes];
            var threshold = new float[nodes];
            for (var n = 0; n < nodes; n++)
            {
                var p = reader.ReadLine()!.Split('\t');
                feature[n] = int.Parse(p[0], inv);
                threshold[n] = float.Parse(p[1], inv);
                left[n] = int.Parse(p[2], inv);
                right[n] = int.Parse(p[3], inv);
            }
            var leaf = reader.ReadLine()!.Split('\t').Select(v => double.Parse(v, inv)).ToArray();
            if (nodes == 0) { left = [~0]; right = [~0]; feature = [0]; threshold = [0f]; }
            trees.Add(new Tree(weight, left, right, feature, threshold, leaf));
        }
        return new LinkerReranker([.. trees], bias);
    }
}
