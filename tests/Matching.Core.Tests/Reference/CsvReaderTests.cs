using Matching.Core.Reference;

namespace Matching.Core.Tests.Reference;

public class CsvReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        const string csv = "uri,label,alt\nu1,\"maçon, coffreur\",\"a\nb \"\"c\"\"\"\nu2,plain,\n";
        using var reader = new CsvReader(new StringReader(csv), "test.csv");
        var rows = new List<string[]>();
        var lines = new List<int>();
        foreach (var record in reader.Records()) { rows.Add(record); lines.Add(reader.RecordLine); }

        Assert.Equal(2, rows.Count);
        Assert.Equal("maçon, coffreur", rows[0][1]);
        Assert.Equal("a\nb \"c\"", rows[0][2]);
        Assert.Equal(["u2", "plain", ""], rows[1]);
        Assert.Equal([2, 4], lines);
    }

    [Fact]
    public void A_short_record_is_reported_with_its_line_number()
    {
        using var reader = new CsvReader(new StringReader("a,b\n1,2\n3\n"), "broken.csv");
        var e = Assert.Throws<InvalidDataException>(() => reader.Records().ToList());
        Assert.Contains("broken.csv, line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_quote_is_reported()
    {
        using var reader = new CsvReader(new StringReader("a,b\n1,\"2\n"), "cut.csv");
        Assert.Throws<InvalidDataException>(() => reader.Records().ToList());
    }

    [Fact]
    public void A_missing_column_names_the_file()
    {
        using var reader = new CsvReader(new StringReader("a,b\n"), "x.csv");
        var e = Assert.Throws<InvalidDataException>(() => reader.Column("conceptUri"));
        Assert.Contains("x.csv", e.Message, StringComparison.Ordinal);
    }
}

public class CsvReaderGzipTests
{
    [Fact]
    public void A_gzip_file_damaged_in_the_middle_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}.csv.gz");
        try
        {
            using (var ms = new MemoryStream())
            {
                using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                using (var w = new StreamWriter(gz))
                {
                    w.Write("a,b\n");
                    var random = new Random(7);
                    for (var i = 0; i < 20000; i++) w.Write($"{random.Next()},{random.Next()}\n");
                }
                var bytes = ms.ToArray();
                // The first deflate block header after the 10-byte gzip header: BTYPE 11 is reserved, so the decoder
                // throws (random damage elsewhere may only show as a short record, which names the file anyway).
                bytes[10] = 0xFF;
                File.WriteAllBytes(path, bytes);
            }
            var e = Assert.ThrowsAny<Exception>(() => { using var csv = CsvReader.Open(path); csv.Records().ToList(); });
            Assert.Contains(Path.GetFileName(path), e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
