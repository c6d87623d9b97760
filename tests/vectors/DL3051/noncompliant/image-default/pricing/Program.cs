// No port configuration: the .NET 9 image's default (8080) applies.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
