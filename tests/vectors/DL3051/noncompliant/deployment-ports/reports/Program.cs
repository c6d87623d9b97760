// No port in code or appsettings: the deployment sets ASPNETCORE_URLS.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/reports", () => "[]");
app.Run();
