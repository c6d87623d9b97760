// No port in code or appsettings: the deployment's ConfigMap decides it.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/prices", () => "[]");
app.Run();
