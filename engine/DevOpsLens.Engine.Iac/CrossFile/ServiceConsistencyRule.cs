using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Compose;
using DevOpsLens.Engine.Iac.Docker;
using DevOpsLens.Engine.Iac.Kubernetes;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.CrossFile;

/// <summary>
/// DL3050 (probe path not mapped), DL3051 (port mismatch) and DL3052 (telemetry settings against code): each
/// Kubernetes container, compose service and Dockerfile is matched to the ASP.NET Core service it deploys,
/// and what the deployment says is compared with what the code and appsettings say. A deployment is matched
/// by image name (or compose build context, or Dockerfile folder) to a service: third-party images (redis,
/// a collector) and other workloads never borrow a service's facts. A templated image in a one-service
/// repository belongs to that service. Unmatched deployments and services without C# code are not judged.
/// </summary>
internal sealed class ServiceConsistencyRule : IRepositoryRule
{
    private static readonly Regex WebProject = new(@"Sdk\s*=\s*""Microsoft\.NET\.Sdk\.Web""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static readonly Regex WebHost = new(@"\bWebApplication\s*\.\s*Create(?:Slim|Empty)?Builder\b|\bConfigureWebHost(?:Defaults)?\s*\(", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex DotnetImage = new(@"^mcr\.microsoft\.com/dotnet/(?:aspnet|runtime|runtime-deps|sdk):(\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static readonly Regex DependentVariable = new(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.ProbePathNotMapped, RuleCatalog.PortMismatch, RuleCatalog.TelemetryConfigMismatch };

    /// <summary>Findings land on the manifests and Dockerfiles that disagree with the service, never on its C# or settings.</summary>
    public bool ReportsOn(string path) => RepositoryManifests.IsManifestPath(path) || DocumentClassifier.Classify(path) == DocumentKind.Dockerfile;

    public bool IsRelevant(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return RepositoryManifests.IsManifestPath(path) || name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            || DocumentClassifier.Classify(path) == DocumentKind.Dockerfile;
    }

    public IEnumerable<RepositoryReport> Analyze(IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken)
    {
        var services = FindServices(documents, cancellationToken);
        var reports = new List<RepositoryReport>();
        if (services.Count == 0)
        {
            return reports;
        }

        var configured = DeploymentPorts(documents, services, cancellationToken);
        var dockerfiles = new Dictionary<ServiceFacts, List<DocumentContext>>();
        foreach (var dockerfile in documents.Where(d => d.Kind == DocumentKind.Dockerfile))
        {
            var owner = services.FirstOrDefault(s => IsUnder(dockerfile.Path, s.Folder) && s.Folder.Length > 0)
                ?? services.FirstOrDefault(s => s.Name.Length > 0 && (dockerfile.Text.IndexOf(s.Name + ".csproj", StringComparison.OrdinalIgnoreCase) >= 0 || dockerfile.Text.IndexOf(s.Name + ".dll", StringComparison.OrdinalIgnoreCase) >= 0))
                ?? (services.Count == 1 ? services[0] : null);
            if (owner != null)
            {
                (dockerfiles.TryGetValue(owner, out var list) ? list : dockerfiles[owner] = new List<DocumentContext>()).Add(dockerfile);
                CheckDockerfile(dockerfile, owner, configured.TryGetValue(owner, out var ports) ? ports : null, reports);
            }
        }

        foreach (var document in documents.Where(d => d.Kind == DocumentKind.Yaml))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
            {
                var containers = workload.Containers(includeInit: false).ToList();
                foreach (var container in containers)
                {
                    var service = Match(services, container.Map.Str("image"), containers.Count == 1);
                    if (service != null)
                    {
                        CheckContainer(document, container, service, dockerfiles.TryGetValue(service, out var files) ? files : null, InjectsDotnetInstrumentation(workload), reports);
                    }
                }
            }

            var composeServices = ComposeFile.Services(document);
            foreach (var composeService in composeServices)
            {
                var service = MatchCompose(services, document, composeService);
                if (service != null)
                {
                    CheckCompose(document, composeService, service, dockerfiles.TryGetValue(service, out var files) ? files : null, reports);
                }
            }
        }

        return reports;
    }

    /// <summary>
    /// The ports each service's deployments set through its environment (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS,
    /// Kestrel endpoints) in Kubernetes containers and compose services: the image the Dockerfile builds is run
    /// with them, so they, not the base image's default, are what its EXPOSE should agree with.
    /// </summary>
    private static Dictionary<ServiceFacts, HashSet<int>> DeploymentPorts(IReadOnlyList<DocumentContext> documents, List<ServiceFacts> services, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ServiceFacts, HashSet<int>>();
        void Add(ServiceFacts? service, IReadOnlyDictionary<string, string> env)
        {
            if (service != null && PortsFromEnv(env, string.Empty).Ports is { } ports)
            {
                (result.TryGetValue(service, out var set) ? set : result[service] = new HashSet<int>()).UnionWith(ports);
            }
        }

        foreach (var document in documents.Where(d => d.Kind == DocumentKind.Yaml))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
            {
                var containers = workload.Containers(includeInit: false).ToList();
                foreach (var container in containers)
                {
                    var env = new Dictionary<string, (string Value, YScalar Name)>(StringComparer.Ordinal);
                    foreach (var (name, entry) in container.Env())
                    {
                        env[name.Value] = (entry.Str("value") ?? string.Empty, name);
                    }

                    Add(Match(services, container.Map.Str("image"), containers.Count == 1), env.ToDictionary(e => e.Key, e => ExpandDependentVariables(e.Value.Value, env)));
                }
            }

            foreach (var composeService in ComposeFile.Services(document))
            {
                Add(MatchCompose(services, document, composeService), composeService.Environment().GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Last().Value));
            }
        }

        return result;
    }

    private static List<ServiceFacts> FindServices(IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken)
    {
        var services = new List<ServiceFacts>();
        foreach (var project in documents.Where(d => d.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && WebProject.IsMatch(d.Text)))
        {
            services.Add(new ServiceFacts(RepositoryManifests.Folder(project.Path), System.IO.Path.GetFileNameWithoutExtension(project.Path)));
        }

        var csharp = documents.Where(d => d.Kind == DocumentKind.CSharp).ToList();
        if (services.Count == 0)
        {
            foreach (var folder in csharp.Where(d => WebHost.IsMatch(d.Text)).Select(d => RepositoryManifests.Folder(d.Path)).Distinct(StringComparer.Ordinal))
            {
                var name = folder.Length == 0 ? string.Empty : folder.Substring(folder.LastIndexOf('/') + 1);
                services.Add(new ServiceFacts(folder, name));
            }
        }

        // Each C# file belongs to the innermost service folder holding it; files outside every service (shared
        // libraries, service defaults) count for all of them.
        var owners = csharp.Select(d => (Document: d, Owner: Owner(services, d.Path))).ToList();
        foreach (var service in services)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var own = owners.Where(x => x.Owner == service || x.Owner == null).Select(x => x.Document).ToList();
            service.AddCode(own);
            foreach (var settings in documents.Where(d => IsUnder(d.Path, service.Folder) && IsProductionSettings(d.Path)))
            {
                service.AddSettings(settings);
            }
        }

        return services.Where(s => s.HasCode).ToList();
    }

    private static ServiceFacts? Owner(List<ServiceFacts> services, string path) =>
        services.Where(s => IsUnder(path, s.Folder)).OrderByDescending(s => s.Folder.Length).FirstOrDefault();

    private static bool IsUnder(string path, string folder) =>
        folder.Length == 0 || path.Replace('\\', '/').StartsWith(folder + "/", StringComparison.Ordinal);

    private static bool IsProductionSettings(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && name.IndexOf("Development", StringComparison.OrdinalIgnoreCase) < 0 && name.IndexOf("Local", StringComparison.OrdinalIgnoreCase) < 0;
    }

    private static ServiceFacts? Match(List<ServiceFacts> services, string? image, bool onlyContainer)
    {
        var reference = ImageReference.Parse(image);
        if (reference != null)
        {
            var name = Normalize(reference.Name);
            var byName = services.Where(s => Normalize(s.Name) is { Length: >= 3 } n && (n == name || name.Contains(n) || (name.Length >= 3 && n.Contains(name)))).ToList();
            if (byName.Count == 1)
            {
                return byName[0];
            }
        }

        // A templated image ($IMAGE, {{ }}) cannot be named; in a one-service repository its only container is that service.
        return reference == null && image != null && services.Count == 1 && onlyContainer ? services[0] : null;
    }

    private static ServiceFacts? MatchCompose(List<ServiceFacts> services, DocumentContext document, ComposeService composeService)
    {
        var build = composeService.Map["build"];
        var context = build?.Text ?? build?.AsMap?.Str("context");
        if (context != null)
        {
            var folder = RepositoryManifests.Folder(document.Path);
            var resolved = Combine(folder, context);
            var byContext = services.Where(s => s.Folder == resolved || IsUnder(s.Folder, resolved)).ToList();
            if (byContext.Count == 1)
            {
                return byContext[0];
            }
        }

        return Match(services, composeService.Map.Str("image") ?? composeService.Name, context != null);
    }

    private static string Combine(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? Array.Empty<string>() : folder.Split('/'));
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != "..")
            {
                parts.Add(part);
            }
        }

        return string.Join("/", parts);
    }

    private static string Normalize(string name) => new(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>
    /// The OpenTelemetry Operator injects the .NET automatic instrumentation into pods annotated
    /// <c>instrumentation.opentelemetry.io/inject-dotnet</c> (value true or an Instrumentation name): the OTEL_*
    /// variables are then read even when the code sets nothing up.
    /// </summary>
    private static bool InjectsDotnetInstrumentation(K8sObject workload) =>
        workload.PodTemplate?.Map("metadata")?.Map("annotations")?.Str("instrumentation.opentelemetry.io/inject-dotnet") is { } value
        && !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    private static void CheckContainer(DocumentContext document, K8sContainer container, ServiceFacts service, List<DocumentContext>? dockerfiles, bool injected, List<RepositoryReport> reports)
    {
        var env = new Dictionary<string, (string Value, YScalar Name)>(StringComparer.Ordinal);
        foreach (var (name, entry) in container.Env())
        {
            env[name.Value] = (entry.Str("value") ?? string.Empty, name);
        }

        // DL3050: probe paths against mapped routes.
        foreach (var kind in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            if (container.Map.Map(kind)?.Map("httpGet") is not { } httpGet || httpGet["path"] is not YScalar path)
            {
                continue;
            }

            if (!service.MapsPath(path.Value) && !service.RoutesIncomplete)
            {
                var probeName = char.ToUpperInvariant(kind[0]) + kind.Substring(1, kind.Length - "Probe".Length - 1);
                var suffix = service.HasHealthEndpoint ? string.Empty : ", which maps no health endpoint at all";
                reports.Add(RepositoryManifests.Report(document, RuleCatalog.ProbePathNotMapped, Spans.Of(document.Text, path), RuleCatalog.ProbePathNotMapped.FormatMessage(probeName, path.Value, suffix), kind + " " + path.Value));
            }
        }

        // DL3051: container ports and numeric probe ports against the listening port. Kubernetes expands $(VAR)
        // from the container's earlier variables (ASPNETCORE_URLS=http://*:$(PORT)), so values are read expanded.
        var expanded = env.ToDictionary(e => e.Key, e => ExpandDependentVariables(e.Value.Value, env));
        var listen = ListenPorts(service, expanded, container.Map.Has("envFrom") ? null : dockerfiles, container.Map.Has("envFrom"), out var source, out _);
        if (listen != null)
        {
            var declared = (container.Map.Seq("ports")?.Items ?? new List<YNode>()).OfType<YMap>().Select(p => p["containerPort"]).OfType<YScalar>().ToList();
            if (declared.Count > 0 && !declared.Any(p => int.TryParse(p.Value, out var n) && listen.Contains(n)))
            {
                var first = declared[0];
                reports.Add(RepositoryManifests.Report(document, RuleCatalog.PortMismatch, Spans.Of(document.Text, first), RuleCatalog.PortMismatch.FormatMessage(first.Value, source), "containerPort " + first.Value));
            }

            foreach (var kind in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            {
                var probe = container.Map.Map(kind);
                var port = probe?.Map("httpGet")?["port"] ?? probe?.Map("tcpSocket")?["port"];
                if (port is YScalar p && int.TryParse(p.Value, out var n) && !listen.Contains(n))
                {
                    reports.Add(RepositoryManifests.Report(document, RuleCatalog.PortMismatch, Spans.Of(document.Text, p), RuleCatalog.PortMismatch.FormatMessage(p.Value, source), kind + " port " + p.Value));
                }
            }
        }

        // DL3052: telemetry settings against the code.
        CheckTelemetry(document, service, env.ToDictionary(e => e.Key, e => ((YNode)e.Value.Name, e.Value.Value)), container.Map.Has("envFrom"), injected, container.Anchor, container.Name, reports);
    }

    private static void CheckCompose(DocumentContext document, ComposeService composeService, ServiceFacts service, List<DocumentContext>? dockerfiles, List<RepositoryReport> reports)
    {
        var env = new Dictionary<string, (YNode Node, string Value)>(StringComparer.Ordinal);
        foreach (var (name, value, node) in composeService.Environment())
        {
            env[name] = (node, value);
        }

        var externalEnv = composeService.Map.Has("env_file");
        var listen = ListenPorts(service, env.ToDictionary(e => e.Key, e => e.Value.Value), externalEnv ? null : dockerfiles, externalEnv, out var source, out _);
        var ports = composeService.ContainerPorts().ToList();
        if (listen != null && ports.Count > 0 && !ports.Any(p => listen.Contains(p.Port)))
        {
            var (port, node) = ports[0];
            reports.Add(RepositoryManifests.Report(document, RuleCatalog.PortMismatch, Spans.Of(document.Text, node), RuleCatalog.PortMismatch.FormatMessage(port, source), "compose port " + port));
        }

        CheckTelemetry(document, service, env, composeService.Map.Has("env_file"), injected: false, composeService.Key, composeService.Name, reports);
    }

    private static void CheckTelemetry(DocumentContext document, ServiceFacts service, Dictionary<string, (YNode Node, string Value)> env, bool hasExternalEnv, bool injected, YNode anchor, string name, List<RepositoryReport> reports)
    {
        var autoInstrumented = injected || env.ContainsKey("CORECLR_ENABLE_PROFILING") || env.Keys.Any(k => k.StartsWith("OTEL_DOTNET_AUTO", StringComparison.Ordinal));
        var otel = env.Where(e => e.Key.StartsWith("OTEL_", StringComparison.Ordinal)).OrderBy(e => e.Value.Node.Start).ToList();
        if (otel.Count > 0 && !service.UsesOpenTelemetry && !autoInstrumented)
        {
            var first = otel[0];
            var message = first.Key + " is set, but the service never sets up OpenTelemetry, so nothing reads it";
            reports.Add(RepositoryManifests.Report(document, RuleCatalog.TelemetryConfigMismatch, Spans.Of(document.Text, first.Value.Node), message, "otel-unused " + first.Key));
        }

        var hasEndpoint = env.Keys.Any(k => k.StartsWith("OTEL_EXPORTER_OTLP", StringComparison.Ordinal) && k.EndsWith("ENDPOINT", StringComparison.Ordinal));
        if (service.ExportsOtlp && !service.OtlpEndpointConfigured && !hasEndpoint && !hasExternalEnv && !injected)
        {
            var message = "The service exports OTLP, but '" + name + "' sets no OTEL_EXPORTER_OTLP_ENDPOINT, so it exports to localhost:4317";
            reports.Add(RepositoryManifests.Report(document, RuleCatalog.TelemetryConfigMismatch, Spans.Of(document.Text, anchor), message, "otel-endpoint " + name));
        }
    }

    private static void CheckDockerfile(DocumentContext document, ServiceFacts service, HashSet<int>? deploymentPorts, List<RepositoryReport> reports)
    {
        var file = Dockerfile.Get(document);
        if (file.FinalStage is not { } final)
        {
            return;
        }

        var chain = DockerfileFacts.Chain(file, final).ToList();
        var listen = ListenPorts(service, new Dictionary<string, string>(), new List<DocumentContext> { document }, externalEnv: false, out var source, out var imageDefault);
        if (imageDefault && deploymentPorts is { Count: > 0 } && listen != null)
        {
            // The deployments run the image on their own ports; the default still holds where they set none.
            listen = new HashSet<int>(listen.Concat(deploymentPorts));
            source = Describe(listen, "(the image default and the ports the service's deployments set)");
        }

        var exposes = chain.SelectMany(s => s.Instructions).Where(i => i.Keyword == "EXPOSE").ToList();
        if (listen == null || exposes.Count == 0)
        {
            return;
        }

        var tokens = exposes.SelectMany(e => e.Tokens().Select(t => (Instruction: e, t.Token, t.Start, t.End))).ToList();
        var ports = tokens.Select(t => (t.Instruction, t.Start, t.End, Port: int.TryParse(t.Token.Split('/')[0], out var n) ? n : -1)).Where(t => t.Port > 0).ToList();
        if (ports.Count > 0 && !ports.Any(p => listen.Contains(p.Port)))
        {
            var first = ports[0];
            reports.Add(RepositoryManifests.Report(document, RuleCatalog.PortMismatch, DockerfileFacts.Span(document, first.Instruction, first.Start, first.End), RuleCatalog.PortMismatch.FormatMessage(first.Port, source), "EXPOSE " + first.Port));
        }
    }

    /// <summary>
    /// The ports the service listens on, in ASP.NET Core's order of precedence: Listen/UseUrls in code, Kestrel
    /// endpoints or Urls in appsettings, ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS from the deployment or the
    /// Dockerfile's ENV, and finally the default of the official .NET images (8080 from .NET 8, 80 before).
    /// Null when none of these is known, and when the deployment also loads variables from elsewhere (envFrom,
    /// env_file) that could set the URLs: the Dockerfile and the image default are then only guesses.
    /// <paramref name="imageDefault"/> tells that the answer is only the base image's default.
    /// </summary>
    private static HashSet<int>? ListenPorts(ServiceFacts service, IReadOnlyDictionary<string, string> env, List<DocumentContext>? dockerfiles, bool externalEnv, out string source, out bool imageDefault)
    {
        imageDefault = false;
        if (service.CodePorts.Count > 0)
        {
            source = Describe(service.CodePorts, "in code");
            return service.CodePorts;
        }

        if (service.SettingsPorts.Count > 0)
        {
            source = Describe(service.SettingsPorts, "from appsettings");
            return service.SettingsPorts;
        }

        var fromEnv = PortsFromEnv(env, "the deployment");
        if (fromEnv.Ports != null)
        {
            source = fromEnv.Source;
            return fromEnv.Ports;
        }

        if (externalEnv)
        {
            source = string.Empty;
            return null;
        }

        foreach (var dockerfile in dockerfiles ?? new List<DocumentContext>())
        {
            var file = Dockerfile.Get(dockerfile);
            if (file.FinalStage is not { } final)
            {
                continue;
            }

            var dockerEnv = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var instruction in DockerfileFacts.Chain(file, final).Reverse().SelectMany(s => s.Instructions).Where(i => i.Keyword == "ENV"))
            {
                foreach (var (name, value, _, _) in DockerfileSecretBuildValueRule.Variables(instruction))
                {
                    dockerEnv[name] = (value ?? string.Empty).Trim('"', '\'');
                }
            }

            var fromDocker = PortsFromEnv(dockerEnv, "the Dockerfile");
            if (fromDocker.Ports != null)
            {
                source = fromDocker.Source;
                return fromDocker.Ports;
            }

            if (DockerfileFacts.BaseImage(file, final) is { } image && DotnetImage.Match(image) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var major))
            {
                var port = major >= 8 ? 8080 : 80;
                source = port + ", the default of " + image.Split(':')[0] + " " + major;
                imageDefault = true;
                return new HashSet<int> { port };
            }
        }

        source = string.Empty;
        return null;
    }

    private static (HashSet<int>? Ports, string Source) PortsFromEnv(IReadOnlyDictionary<string, string> env, string where)
    {
        foreach (var key in new[] { "ASPNETCORE_URLS", "DOTNET_URLS" })
        {
            if (env.TryGetValue(key, out var urls) && ServiceFacts.PortsOfUrls(urls).ToHashSet() is { Count: > 0 } set)
            {
                return (set, Describe(set, key + " in " + where));
            }
        }

        foreach (var key in new[] { "ASPNETCORE_HTTP_PORTS", "DOTNET_HTTP_PORTS", "HTTP_PORTS" })
        {
            if (env.TryGetValue(key, out var list) && ServiceFacts.PortsOfList(list).ToHashSet() is { Count: > 0 } set)
            {
                if (env.TryGetValue("ASPNETCORE_HTTPS_PORTS", out var https))
                {
                    set.UnionWith(ServiceFacts.PortsOfList(https));
                }

                return (set, Describe(set, key + " in " + where));
            }
        }

        var kestrel = env.Where(e => e.Key.StartsWith("Kestrel__Endpoints__", StringComparison.OrdinalIgnoreCase) && e.Key.EndsWith("__Url", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => ServiceFacts.PortsOfUrls(e.Value)).ToHashSet();
        return kestrel.Count > 0 ? (kestrel, Describe(kestrel, "Kestrel endpoints in " + where)) : (null, string.Empty);
    }

    /// <summary>Expands Kubernetes dependent variables (<c>$(NAME)</c>) from the container's own env; unknown ones stay as written.</summary>
    private static string ExpandDependentVariables(string value, IReadOnlyDictionary<string, (string Value, YScalar Name)> env)
    {
        if (value.IndexOf("$(", StringComparison.Ordinal) < 0)
        {
            return value;
        }

        return DependentVariable.Replace(value, m => env.TryGetValue(m.Groups[1].Value, out var v) && v.Value.IndexOf("$(", StringComparison.Ordinal) < 0 ? v.Value : m.Value);
    }

    private static string Describe(IEnumerable<int> ports, string where) => string.Join(", ", ports.OrderBy(p => p)) + " " + where;
}
