using System.IO.Compression;
using System.Text;

namespace Matching.Core.Reference;

/// <summary>
/// Minimal RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks (ESCO alt labels do).
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _source;
    private int _line = 1;

    public CsvReader(TextReader reader, string source)
    {
        _reader = reader;
        _source = source;
        Header = ReadRecord() ?? throw new InvalidDataException($"{source} is empty: expected a CSV header line.");
    }

    /// <summary>Opens a .csv or .csv.gz file as UTF-8.</summary>
    public static CsvReader Open(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Reference data file {path} is missing: restore it from git (git checkout -- {Path.GetFileName(path)}).", path);
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new CsvReader(new StreamReader(stream, Encoding.UTF8), Path.GetFileName(path));
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Line number (1-based) where the record last returned started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Index of a header column, or a clear error naming the file when the column is absent.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
            if (string.Equals(Header[i], name, StringComparison.Ordinal)) return i;
        throw new InvalidDataException($"{_source}: column '{name}' not found in header ({string.Join(",", Header)}); the file is corrupt or of another version.");
    }

    /// <summary>Reads all records, checking each has as many fields as the header.</summary>
    public IEnumerable<string[]> Records()
    {
        while (ReadRecord() is { } record)
        {
            if (record.Length == 1 && record[0].Length == 0) continue;
            if (record.Length != Header.Count)
                throw new InvalidDataException($"{_source}, line {RecordLine}: {record.Length} fields where the header has {Header.Count}; the file is corrupt.");
            yield return record;
        }
    }

    private string[]? ReadRecord()
    {
        RecordLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        while (true)
        {
            var c = ReadChar();
            if (c == -1)
            {
                if (inQuotes) throw new InvalidDataException($"{_source}, line {RecordLine}: unterminated quoted field; the file is corrupt.");
                if (!any) return null;
                fields.Add(field.ToString());
                return [.. fields];
            }
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"') { _reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') _line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return [.. fields];
                default: field.Append(ch); break;
            }
        }
    }

    private int ReadChar()
    {
        try
        {
            return _reader.Read();
        }
        catch (InvalidDataException e)
        {
            // A gzip stream damaged in the middle throws without saying which file it was.
            throw new InvalidDataException($"{_source}, line {_line}: the compressed file is damaged ({e.Message}); restore it from git.", e);
        }
    }

    public void Dispose() => _reader.Dispose();
}
