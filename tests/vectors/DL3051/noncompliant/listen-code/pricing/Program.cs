// Kestrel is told in code to listen on 5005.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(5005));
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
