using System.Text.Json;
using System.Text.RegularExpressions;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.CrossFile;

/// <summary>
/// What the C# code and appsettings of one ASP.NET Core service say about its endpoints, ports and telemetry,
/// found with bounded regular expressions (no compilation). Anything the patterns cannot resolve
/// (route groups, attribute routes, conventional MVC routes, SPA fallbacks, constants from elsewhere) marks the
/// routes as incomplete, and the checks then stay silent rather than guess.
/// </summary>
internal sealed class ServiceFacts
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex MapCall = new(
        @"\.(Map(?:Get|Post|Put|Delete|Patch|Methods|HealthChecks|Group|Fallback)?|UseHealthChecks)\s*(?:<[^>\n]{0,80}>)?\s*\(\s*(?:[A-Za-z_]\w*\s*:\s*)?(?:@?""([^""\n]*)""|([A-Za-z_][\w.]*)\s*[,)])?",
        RegexOptions.CultureInvariant,
        Timeout);

    // Routing that serves paths no literal names: conventional MVC routes, Razor Pages, SPA and static-file
    // fallbacks, reverse proxies.
    private static readonly Regex OpenRouting = new(
        @"\.(?:MapControllerRoute|MapDefaultControllerRoute|MapAreaControllerRoute|MapRazorPages|MapFallbackTo\w*|MapReverseProxy|MapBlazorHub|MapRoute|UseMvc\w*|UseSpa\w*|UseDefaultFiles|UseFileServer)\s*(?:<[^>\n]{0,80}>)?\s*\(",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex AttributeRoute = new(@"\[\s*(?:Route|Http(?:Get|Head|Post|Put|Delete|Patch))\s*\(", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex ConstString = new(@"\bconst\s+string\s+([A-Za-z_]\w*)\s*=\s*@?""([^""\n]*)""", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex ListenPort = new(@"\.Listen(?:AnyIP|Localhost)?\s*\(\s*(?:IPAddress\.\w+\s*,\s*)?(\d{2,5})\b", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex UrlsCall = new(@"(?:\.UseUrls\s*\(|\.Urls\.Add\s*\(|\bapp\.Run(?:Async)?\s*\()\s*((?:@?""[^""\n]*""\s*,?\s*)+)", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex UrlPort = new(@"https?://[^/:;""\s]+(?::(\d{1,5}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex OtelSetup = new(@"\b(?:AddOpenTelemetry(?:Tracing|Metrics)?|UseOtlpExporter|AddOtlpExporter|UseAzureMonitor|CreateTracerProviderBuilder|CreateMeterProviderBuilder|OpenTelemetrySdk\.Create)\s*[<(]", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex OtlpExport = new(@"\b(?:UseOtlpExporter|AddOtlpExporter)\s*\(", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex OtlpEndpointInCode = new(@"\bEndpoint\s*=\s*new\s+Uri\b|\bUseOtlpExporter\s*\([^)\n]*new\s+Uri\b|""OTEL_EXPORTER_OTLP_ENDPOINT""", RegexOptions.CultureInvariant, Timeout);

    public ServiceFacts(string folder, string name)
    {
        Folder = folder;
        Name = name;
    }

    /// <summary>Repository-relative folder of the project ("" for the root).</summary>
    public string Folder { get; }

    public string Name { get; }

    public bool HasCode { get; private set; }

    public List<string> Routes { get; } = new();

    public bool HasHealthEndpoint { get; private set; }

    /// <summary>Some routes could not be resolved (groups, attribute routes, unknown constants, fallbacks).</summary>
    public bool RoutesIncomplete { get; private set; }

    public HashSet<int> CodePorts { get; } = new();

    public HashSet<int> SettingsPorts { get; } = new();

    public bool UsesOpenTelemetry { get; private set; }

    public bool ExportsOtlp { get; private set; }

    public bool OtlpEndpointConfigured { get; private set; }

    public void AddCode(IEnumerable<DocumentContext> files)
    {
        // Each file's facts are read once per document and kept with it (hosts that keep documents between
        // analyses, such as the language server, then never re-run these patterns on an unchanged file).
        var list = files.Select(f => f.GetOrAdd(CodeFileFacts.CacheKey, CodeFileFacts.Read)).ToList();
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in list)
        {
            foreach (var (name, value) in file.Constants)
            {
                constants[name] = value;
            }
        }

        foreach (var file in list)
        {
            HasCode = true;
            foreach (var (method, literal, identifier) in file.MapCalls)
            {
                var route = literal;
                if (literal == null && identifier == null)
                {
                    // An argument the patterns cannot read ($"/{prefix}/health", new PathString(…)); Map alone is
                    // also AutoMapper's name, so only the routing-specific methods count.
                    RoutesIncomplete |= method is not ("Map" or "MapGroup");
                    continue;
                }

                if (route == null && identifier != null)
                {
                    var simple = identifier.Substring(identifier.LastIndexOf('.') + 1);
                    if (!constants.TryGetValue(simple, out route))
                    {
                        // A lambda parameter or a variable: not a route we can read.
                        RoutesIncomplete |= method is not ("Map" or "MapGroup");
                        continue;
                    }
                }

                if (method is "MapHealthChecks" or "UseHealthChecks")
                {
                    HasHealthEndpoint = true;
                }

                if (method is "MapGroup" or "MapFallback")
                {
                    RoutesIncomplete = true;
                    continue;
                }

                if (route != null)
                {
                    Routes.Add(route);
                }
            }

            RoutesIncomplete |= file.HasUnlistedRoutes;
            CodePorts.UnionWith(file.Ports);
            UsesOpenTelemetry |= file.UsesOpenTelemetry;
            ExportsOtlp |= file.ExportsOtlp;
            OtlpEndpointConfigured |= file.OtlpEndpointConfigured;
        }
    }

    /// <summary>What one C# file says, independent of the other files (constants are resolved across files later).</summary>
    private sealed class CodeFileFacts
    {
        public const string CacheKey = "iac.service-code-facts";

        public List<(string Name, string Value)> Constants { get; } = new();

        public List<(string Method, string? Literal, string? Identifier)> MapCalls { get; } = new();

        public bool HasUnlistedRoutes { get; private set; }

        public List<int> Ports { get; } = new();

        public bool UsesOpenTelemetry { get; private set; }

        public bool ExportsOtlp { get; private set; }

        public bool OtlpEndpointConfigured { get; private set; }

        public static CodeFileFacts Read(DocumentContext file)
        {
            var text = file.Text;
            var facts = new CodeFileFacts();
            foreach (Match m in ConstString.Matches(text))
            {
                facts.Constants.Add((m.Groups[1].Value, m.Groups[2].Value));
            }

            foreach (Match m in MapCall.Matches(text))
            {
                facts.MapCalls.Add((m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null, m.Groups[3].Success ? m.Groups[3].Value : null));
            }

            facts.HasUnlistedRoutes = AttributeRoute.IsMatch(text) || OpenRouting.IsMatch(text);
            foreach (Match m in ListenPort.Matches(text))
            {
                facts.Ports.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (Match m in UrlsCall.Matches(text))
            {
                facts.Ports.AddRange(PortsOfUrls(m.Groups[1].Value));
            }

            facts.UsesOpenTelemetry = OtelSetup.IsMatch(text);
            facts.ExportsOtlp = OtlpExport.IsMatch(text);
            facts.OtlpEndpointConfigured = OtlpEndpointInCode.IsMatch(text);
            return facts;
        }
    }

    public void AddSettings(DocumentContext settings)
    {
        try
        {
            using var json = JsonDocument.Parse(settings.Text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.NameEquals("Urls") && property.Value.ValueKind == JsonValueKind.String)
                {
                    SettingsPorts.UnionWith(PortsOfUrls(property.Value.GetString() ?? string.Empty));
                }
                else if ((property.NameEquals("HTTP_PORTS") || property.NameEquals("http_ports")) && property.Value.ValueKind == JsonValueKind.String)
                {
                    SettingsPorts.UnionWith(PortsOfList(property.Value.GetString() ?? string.Empty));
                }
                else if (property.NameEquals("Kestrel") && property.Value.ValueKind == JsonValueKind.Object
                    && property.Value.TryGetProperty("Endpoints", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object)
                {
                    foreach (var endpoint in endpoints.EnumerateObject())
                    {
                        if (endpoint.Value.ValueKind == JsonValueKind.Object && endpoint.Value.TryGetProperty("Url", out var url) && url.ValueKind == JsonValueKind.String)
                        {
                            SettingsPorts.UnionWith(PortsOfUrls(url.GetString() ?? string.Empty));
                        }
                    }
                }
                else if (property.Name.StartsWith("OTEL_EXPORTER_OTLP", StringComparison.Ordinal) && property.Name.EndsWith("ENDPOINT", StringComparison.Ordinal))
                {
                    OtlpEndpointConfigured = true;
                }
                else if (property.Name.IndexOf("OpenTelemetry", StringComparison.OrdinalIgnoreCase) >= 0 || property.Name.IndexOf("Otlp", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    OtlpEndpointConfigured |= property.Value.GetRawText().IndexOf("Endpoint", StringComparison.OrdinalIgnoreCase) >= 0;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed appsettings file tells us nothing about ports; the JSON rules report it.
        }
    }

    /// <summary>True when a route template matches the probe path (<c>{id}</c> matches one segment, <c>{*rest}</c> the rest).</summary>
    public bool MapsPath(string path)
    {
        var probe = Segments(path);
        foreach (var route in Routes)
        {
            var template = Segments(route);
            var ok = true;
            for (var i = 0; i < Math.Max(template.Length, probe.Length); i++)
            {
                if (i < template.Length && template[i].StartsWith("{*", StringComparison.Ordinal))
                {
                    break;
                }

                if (i >= template.Length || i >= probe.Length)
                {
                    ok = false;
                    break;
                }

                var t = template[i];
                if (!(t.StartsWith("{", StringComparison.Ordinal) && t.EndsWith("}", StringComparison.Ordinal)) && !string.Equals(t, probe[i], StringComparison.OrdinalIgnoreCase))
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The ports of a URL list (<c>http://+:80;https://+:443</c>); a URL whose port is a variable that was not
    /// expanded (<c>http://*:${PORT}</c>, <c>$(PORT)</c>) says nothing and is left out.
    /// </summary>
    public static IEnumerable<int> PortsOfUrls(string urls)
    {
        foreach (Match m in UrlPort.Matches(urls))
        {
            var end = m.Index + m.Length;
            if (!m.Groups[1].Success && end < urls.Length && urls[end] == ':')
            {
                continue;
            }

            if (m.Groups[1].Success && int.TryParse(m.Groups[1].Value, out var port))
            {
                yield return port;
            }
            else
            {
                yield return m.Value.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
            }
        }
    }

    public static IEnumerable<int> PortsOfList(string list)
    {
        foreach (var part in list.Split(';', ','))
        {
            if (int.TryParse(part.Trim(), out var port))
            {
                yield return port;
            }
        }
    }

    private static string[] Segments(string path)
    {
        var p = path;
        var q = p.IndexOfAny(new[] { '?', '#' });
        if (q >= 0)
        {
            p = p.Substring(0, q);
        }

        return p.TrimStart('~').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
