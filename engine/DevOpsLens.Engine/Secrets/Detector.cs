using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Engine.Secrets;

/// <summary>What a detector found, before overlaps between detectors are resolved.</summary>
internal sealed class Candidate
{
    public Candidate(RuleDescriptor rule, string detectorId, string provider, int start, int end, string? knownPrefix = null, string? name = null)
    {
        Rule = rule;
        DetectorId = detectorId;
        Provider = provider;
        Start = start;
        End = end;
        KnownPrefix = knownPrefix;
        Name = name;
    }

    public RuleDescriptor Rule { get; }

    public string DetectorId { get; }

    public string Provider { get; }

    public int Start { get; }

    public int End { get; }

    public string? KnownPrefix { get; }

    public string? Name { get; }
}

/// <summary>The facts a validator or classifier sees about one regex match.</summary>
internal readonly struct MatchInfo
{
    public MatchInfo(string text, Match match, int start, int end)
    {
        Text = text;
        Match = match;
        Start = start;
        End = end;
    }

    /// <summary>The whole document.</summary>
    public string Text { get; }

    public Match Match { get; }

    /// <summary>Offsets of the secret value (group <c>s</c>, or the whole match).</summary>
    public int Start { get; }

    public int End { get; }

    public string Value => Text.Substring(Start, End - Start);

    /// <summary>The document text around the value, clipped to the line(s) it sits on.</summary>
    public string Around(int radius)
    {
        var from = Math.Max(0, Start - radius);
        var to = Math.Min(Text.Length, End + radius);
        return Text.Substring(from, to - from);
    }
}

/// <summary>Finds candidates itself instead of through a regex (private key blocks).</summary>
internal delegate IEnumerable<Candidate> CustomMatcher(string text, int windowStart, int windowEnd);

/// <summary>
/// One credential format. A detector only runs where one of its <see cref="Keywords"/> occurs in the text, and only on
/// a window around each occurrence, so most text never meets its regex.
/// </summary>
internal sealed class Detector
{
    /// <summary>
    /// Upper bound for any single regex call. Calls are anchored or see small windows and take microseconds, so only a
    /// pathological input gets near it; it is a wall-clock limit, and 100 ms fired spuriously on a CI machine running
    /// 20 processes per core, hence one second.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Regex>? _regex;

    public Detector(string id, string provider, RuleDescriptor rule, string? pattern, params string[] keywords)
    {
        Id = id;
        Provider = provider;
        Rule = rule;
        Keywords = keywords;
        if (pattern != null)
        {
            // Interpreted, not Compiled: each regex only runs at keyword hits or on small windows, so compiling ~70
            // patterns at process start would cost more than it saves. Anchored detectors get \G so a match is only
            // tried at the one position their keyword fixes.
            _regex = new Lazy<Regex>(() => new Regex(
                AnchorStart != null ? @"\G" + pattern : pattern,
                RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
                MatchTimeout));
        }
    }

    public string Id { get; }

    public string Provider { get; }

    public RuleDescriptor Rule { get; }

    /// <summary>Literal strings, one of which must occur for the detector to run.</summary>
    public string[] Keywords { get; }

    /// <summary>Whether <see cref="Keywords"/> are matched ignoring ASCII case.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>How far before a keyword hit the window starts (the keyword may sit inside the token).</summary>
    public int Back { get; init; } = 256;

    /// <summary>How far after a keyword hit the window ends.</summary>
    public int Forward { get; init; } = 1024;

    /// <summary>
    /// For formats whose match starts at a fixed place relative to the keyword (a token prefix, a <c>scheme://</c>):
    /// maps a keyword hit to the one position where the match must start (or -1). The regex then runs once per hit,
    /// anchored there, instead of scanning a window: dense hits in a minified file cost one short attempt each.
    /// </summary>
    public Func<string, int, int>? AnchorStart { get; init; }

    /// <summary>When true the window may span lines; otherwise it is clipped to the hit's line.</summary>
    public bool MultiLine { get; init; }

    public Regex? Regex => _regex?.Value;

    public CustomMatcher? Custom { get; init; }

    /// <summary>Format facts beyond the regex: checksums, decodable structure, published example values.</summary>
    public Func<MatchInfo, bool>? Validate { get; init; }

    /// <summary>Words (any one, ignoring case) that must occur within <see cref="ContextRadius"/> of the value.</summary>
    public string[]? Context { get; init; }

    public int ContextRadius { get; init; } = 400;

    /// <summary>Picks a more specific detector id, provider and rule from the surroundings (database flavours, URL schemes).</summary>
    public Func<MatchInfo, (string Id, string Provider, RuleDescriptor Rule)>? Classify { get; init; }

    /// <summary>The ids <see cref="Classify"/> can produce, for the documentation table.</summary>
    public (string Id, string Provider, RuleDescriptor Rule)[] Variants { get; init; } = Array.Empty<(string, string, RuleDescriptor)>();

    /// <summary>Provider prefix that <see cref="Redactor"/> may show (<c>ghp_</c>): it names the provider, not the secret.</summary>
    public string? KnownPrefix { get; init; }
}
