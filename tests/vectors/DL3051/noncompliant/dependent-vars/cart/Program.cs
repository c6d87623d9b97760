// The port comes from ASPNETCORE_URLS, which the deployment builds from CART_PORT.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "cart");
app.Run();
