using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// Hard-coded secrets in any text file: DL1001 provider credentials, DL1002 private keys, DL1003 connection-string
/// passwords, DL1004 URL credentials and DL1005 secret-named assignments. C# files get DL1001–DL1004 here; DL1005 in
/// C# comes from the Roslyn analyzer, which calls <see cref="Scan"/> on the whole C# text so both hosts report the
/// same spans. Stateless and thread-safe: one instance serves every file and thread.
/// </summary>
/// <remarks>
/// A detector whose regex exceeds its match timeout is skipped for the rest of that file; <see cref="Analyze"/> reports
/// it as DL9003 (rule failure) naming the detector, so a skipped check is never silent, while the other detectors'
/// findings are still reported. <see cref="Scan"/> itself only skips.
/// </remarks>
public sealed class SecretScanner : IDocumentRule
{
    private static readonly RuleDescriptor[] OwnRules =
    {
        RuleCatalog.KnownCredential,
        RuleCatalog.PrivateKey,
        RuleCatalog.ConnectionStringPassword,
        RuleCatalog.UrlCredentials,
        RuleCatalog.SecretAssignment,
    };

    // When spans overlap, the more specific rule wins: a private key over a token inside it, a provider token over the
    // connection string or URL it sits in, anything over the generic DL1005.
    private static readonly string[] Priority = { RuleIds.PrivateKey, RuleIds.KnownCredential, RuleIds.ConnectionStringPassword, RuleIds.UrlCredentials, RuleIds.SecretAssignment };

    private static readonly KeywordSet AllKeywords = new(DetectorSet.All
        .SelectMany(d => d.Keywords.Select(k => (k, d.IgnoreCase)))
        .Concat(AssignmentScanner.Keywords.Select(k => (k, true))));

    // Keyword ids per detector (same order as DetectorSet.All) and for the assignment scanner, resolved once.
    private static readonly int[][] DetectorKeywordIds = DetectorSet.All.Select(d => AllKeywords.IdsOf(d.Keywords, d.IgnoreCase)).ToArray();

    private static readonly int[] AssignmentKeywordIds = AllKeywords.IdsOf(AssignmentScanner.Keywords, ignoreCase: true);

    /// <summary>Regex matches one detector examines per file before giving up on that file (generated or hostile input).</summary>
    internal const int MaxMatchesPerDetector = 5000;

    public IReadOnlyList<RuleDescriptor> Rules => OwnRules;

    /// <summary>Every detector with its id, credential kind and rule, as listed on the rule pages.</summary>
    public static IReadOnlyList<SecretDetectorInfo> Detectors { get; } = BuildInfo();

    public bool AppliesTo(DocumentContext document) => document.Text.Length > 0;

    public void Analyze(DocumentContext document, IReportSink sink)
    {
        var timedOut = new List<string>();
        foreach (var match in ScanCore(document.Text, document.Path, document.Kind, document.Options, document.CancellationToken, timedOut))
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["detector"] = match.DetectorId,
                ["provider"] = match.Provider,
                ["redacted"] = match.Redacted,
            };
            sink.Report(match.Rule, match.Range, match.Message, match.DetectorId + ":" + SafeValue(document.Text, match.Range), properties);
        }

        if (timedOut.Count > 0)
        {
            sink.Report(
                RuleCatalog.RuleFailure,
                new TextRange(0, 0),
                RuleCatalog.RuleFailure.FormatMessage(RuleIds.KnownCredential, "detector " + string.Join(", ", timedOut) + " exceeded its regex time limit"),
                "secrets-timeout:" + string.Join(",", timedOut));
        }
    }

    /// <summary>
    /// Every secret in <paramref name="text"/>, in text order, with overlaps between detectors resolved. For
    /// <see cref="DocumentKind.CSharp"/> only DL1001–DL1004. Rules whose severity is <c>none</c> in
    /// <paramref name="options"/> and detectors listed in DL1001's <c>disabled_detectors</c> are skipped.
    /// </summary>
    public static IEnumerable<SecretMatch> Scan(string text, DocumentKind kind, RuleOptions options, CancellationToken ct) =>
        ScanCore(text, string.Empty, kind, options, ct, null);

    /// <summary>As <see cref="Scan(string, DocumentKind, RuleOptions, CancellationToken)"/>, with the file path so DL1005 can skip lock files and recognise credential files (.npmrc, .pypirc).</summary>
    public static IEnumerable<SecretMatch> Scan(string text, string path, DocumentKind kind, RuleOptions options, CancellationToken ct) =>
        ScanCore(text, path, kind, options, ct, null);

    private static IReadOnlyList<SecretMatch> ScanCore(string? text, string? path, DocumentKind kind, RuleOptions? options, CancellationToken ct, List<string>? timedOut)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Array.Empty<SecretMatch>();
        }

        options ??= RuleOptions.Default;
        path ??= string.Empty;
        var enabled = new HashSet<string>(OwnRules.Where(options.IsEnabled).Select(r => r.Id), StringComparer.Ordinal);
        if (kind == DocumentKind.CSharp)
        {
            enabled.Remove(RuleIds.SecretAssignment);
        }

        if (enabled.Count == 0)
        {
            return Array.Empty<SecretMatch>();
        }

        var index = KeywordIndex.Build(text!, AllKeywords, ct);
        HashSet<string>? disabled = null;
        var candidates = new List<Candidate>();
        var detectors = DetectorSet.All;
        for (var d = 0; d < detectors.Count; d++)
        {
            ct.ThrowIfCancellationRequested();
            var detector = detectors[d];
            if (!index.Any(DetectorKeywordIds[d]) || (!enabled.Contains(detector.Rule.Id) && detector.Classify == null))
            {
                continue;
            }

            disabled ??= new HashSet<string>(options.GetList(RuleCatalog.KnownCredential, "disabled_detectors"), StringComparer.OrdinalIgnoreCase);
            if (disabled.Contains(detector.Id))
            {
                continue;
            }

            var hits = index.Hits(DetectorKeywordIds[d]);
            try
            {
                RunDetector(text!, detector, hits, enabled, disabled, candidates, ct);
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut?.Add(detector.Id);
            }
        }

        if (enabled.Contains(RuleIds.SecretAssignment) && AssignmentScanner.AppliesTo(path, kind))
        {
            var extra = options.GetList(RuleCatalog.SecretAssignment, "additional_names");
            var hits = index.Hits(AssignmentKeywordIds);
            if (extra.Count > 0)
            {
                var names = new KeywordSet(extra.Where(n => n.Length >= 2 && n[0] < 128 && n[1] < 128).Select(n => (n, true)));
                var extraIndex = KeywordIndex.Build(text!, names, ct);
                hits = MergeHits(hits, names.Keywords.SelectMany(k => extraIndex.Hits(k.Keyword, true)));
            }

            candidates.AddRange(AssignmentScanner.Find(text!, path, kind, options, hits, extra));
        }

        return Resolve(text!, candidates);
    }

    /// <summary>Ids of the detectors the prefilter lets run on <paramref name="text"/> (their keywords occur).</summary>
    internal static IReadOnlyList<string> DetectorsTriggeredBy(string text)
    {
        var index = KeywordIndex.Build(text, AllKeywords, CancellationToken.None);
        return DetectorSet.All.Where((_, i) => index.Any(DetectorKeywordIds[i])).Select(d => d.Id).ToList();
    }

    private static void RunDetector(string text, Detector detector, List<int> hits, HashSet<string> enabled, HashSet<string> disabled, List<Candidate> output, CancellationToken ct)
    {
        var seen = new HashSet<int>();
        var examined = 0;
        if (detector.AnchorStart != null)
        {
            var regex = detector.Regex!;
            foreach (var hit in hits)
            {
                ct.ThrowIfCancellationRequested();
                var start = detector.AnchorStart(text, hit);
                if (start < 0)
                {
                    continue;
                }

                var m = regex.Match(text, start);
                if (m.Success && ++examined <= MaxMatchesPerDetector)
                {
                    Accept(text, detector, m, seen, enabled, disabled, output);
                }
            }

            return;
        }

        foreach (var (start, end) in Windows(text, hits, detector))
        {
            ct.ThrowIfCancellationRequested();
            if (detector.Custom != null)
            {
                foreach (var found in detector.Custom(text, start, end))
                {
                    if (seen.Add(found.Start) && !disabled.Contains(found.DetectorId) && enabled.Contains(found.Rule.Id))
                    {
                        output.Add(found);
                    }
                }

                continue;
            }

            var regex = detector.Regex!;
            for (var m = regex.Match(text, start, end - start); m.Success; m = m.NextMatch())
            {
                if (++examined > MaxMatchesPerDetector)
                {
                    // No real file holds thousands of one credential format; this is generated or hostile input.
                    return;
                }

                // A window that starts inside a longer token must not make a match out of its tail.
                if (m.Index == start && start > 0 && IsTokenChar(text[start - 1]) && IsTokenChar(text[start]))
                {
                    continue;
                }

                Accept(text, detector, m, seen, enabled, disabled, output);
            }
        }
    }

    private static void Accept(string text, Detector detector, Match m, HashSet<int> seen, HashSet<string> enabled, HashSet<string> disabled, List<Candidate> output)
    {
        var group = m.Groups["s"];
        var valueStart = group.Success ? group.Index : m.Index;
        var valueEnd = group.Success ? group.Index + group.Length : m.Index + m.Length;
        if (valueEnd <= valueStart || !seen.Add(valueStart))
        {
            return;
        }

        var info = new MatchInfo(text, m, valueStart, valueEnd);
        if (detector.Validate != null && !detector.Validate(info))
        {
            return;
        }

        if (detector.Context != null && !HasContext(text, valueStart, valueEnd, detector))
        {
            return;
        }

        var (id, provider, rule) = detector.Classify != null ? detector.Classify(info) : (detector.Id, detector.Provider, detector.Rule);
        if (!enabled.Contains(rule.Id) || disabled.Contains(id))
        {
            return;
        }

        output.Add(new Candidate(rule, id, provider, valueStart, valueEnd, detector.KnownPrefix));
    }

    /// <summary>Windows around keyword hits, clipped to the hit's line unless the detector spans lines, merged when they overlap.</summary>
    private static IEnumerable<(int Start, int End)> Windows(string text, List<int> hits, Detector detector)
    {
        var curStart = -1;
        var curEnd = -1;
        foreach (var hit in hits)
        {
            var start = Math.Max(0, hit - detector.Back);
            var end = Math.Min(text.Length, hit + detector.Forward);
            if (!detector.MultiLine)
            {
                var nl = text.LastIndexOf('\n', hit > 0 ? hit - 1 : 0, hit - start);
                if (nl >= 0 && hit > 0)
                {
                    start = nl + 1;
                }

                var nlAfter = text.IndexOf('\n', hit, end - hit);
                if (nlAfter >= 0)
                {
                    end = nlAfter;
                }
            }

            if (start > end)
            {
                start = end;
            }

            if (curEnd >= 0 && start <= curEnd)
            {
                curEnd = Math.Max(curEnd, end);
                continue;
            }

            if (curEnd >= 0)
            {
                yield return (curStart, curEnd);
            }

            curStart = start;
            curEnd = end;
        }

        if (curEnd >= 0)
        {
            yield return (curStart, curEnd);
        }
    }

    private static bool HasContext(string text, int start, int end, Detector detector)
    {
        var from = Math.Max(0, start - detector.ContextRadius);
        var to = Math.Min(text.Length, end + detector.ContextRadius);
        foreach (var word in detector.Context!)
        {
            if (text.IndexOf(word, from, to - from, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<SecretMatch> Resolve(string text, List<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return Array.Empty<SecretMatch>();
        }

        var ordered = candidates
            .OrderBy(c => Array.IndexOf(Priority, c.Rule.Id))
            .ThenByDescending(c => c.End - c.Start)
            .ThenBy(c => c.Start);
        // Accepted spans never overlap, so they stay sorted by start and a new one only has to be compared with its
        // neighbours: n log n even for a pathological file with a candidate on every line.
        var accepted = new List<Candidate>();
        var starts = new List<int>();
        foreach (var candidate in ordered)
        {
            var at = starts.BinarySearch(candidate.Start);
            if (at < 0)
            {
                at = ~at;
            }
            else
            {
                continue;
            }

            if ((at > 0 && accepted[at - 1].End > candidate.Start) || (at < accepted.Count && accepted[at].Start < candidate.End))
            {
                continue;
            }

            accepted.Insert(at, candidate);
            starts.Insert(at, candidate.Start);
        }

        var result = new List<SecretMatch>(accepted.Count);
        foreach (var c in accepted)
        {
            var value = text.Substring(c.Start, c.End - c.Start);
            result.Add(new SecretMatch(c.Rule, c.DetectorId, c.Provider, TextRange.FromBounds(c.Start, c.End), Redactor.Redact(value, c.KnownPrefix), c.Name));
        }

        return result;
    }

    private static List<int> MergeHits(List<int> hits, IEnumerable<int> more)
    {
        var set = new SortedSet<int>(hits);
        set.UnionWith(more);
        return set.ToList();
    }

    private static string SafeValue(string text, TextRange range)
    {
        var start = Math.Min(range.Start, text.Length);
        return text.Substring(start, Math.Min(range.Length, text.Length - start));
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '/';

    private static IReadOnlyList<SecretDetectorInfo> BuildInfo()
    {
        var list = new List<SecretDetectorInfo>();
        foreach (var d in DetectorSet.All)
        {
            if (d.Variants.Length > 0)
            {
                list.AddRange(d.Variants.Select(v => new SecretDetectorInfo(v.Id, v.Provider, v.Rule.Id)));
            }
            else if (d.Custom == null || d.Id == "putty-private-key")
            {
                list.Add(new SecretDetectorInfo(d.Id, d.Provider, d.Rule.Id));
            }
        }

        list.Add(new SecretDetectorInfo(AssignmentScanner.DetectorId, "Secret-named key assigned a literal secret (JSON, YAML, .env, INI, XML, scripts, Terraform, Bicep, Python, JavaScript, Dockerfile, notebooks)", RuleIds.SecretAssignment));
        return list;
    }
}
