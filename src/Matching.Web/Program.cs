using Matching.Data;
using Matching.Jobs;
using Matching.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMatchingData(builder.Configuration);
builder.Services.AddMatchingJobs(builder.Configuration);
builder.Services.AddMatchingWeb(builder.Configuration);

var app = builder.Build();

app.UseMatchingWeb();
app.MapMatchingWeb();

await app.RunAsync();

/// <summary>Visible to tests so that WebApplicationFactory&lt;Program&gt; can host the portal.</summary>
public partial class Program;
