using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DevOpsLens.Engine.Configuration;

/// <summary>
/// An .editorconfig section name compiled to a matcher, with Roslyn's semantics: <c>*</c> (no slash), <c>**</c>
/// (any depth), <c>?</c>, <c>[abc]</c>, <c>[!a-z]</c>, <c>{a,b}</c>, <c>{1..3}</c> and <c>\</c> escapes. A name
/// without <c>/</c> matches the file name at any depth under the file's folder; a name with <c>/</c> is anchored at
/// the folder (a leading <c>/</c> is dropped).
/// </summary>
public sealed class EditorConfigGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly char[] Special = { '*', '?', '[', ']', '{', '}', '\\', ',' };

    private readonly Regex? _regex;
    private readonly IReadOnlyList<(int Min, int Max)> _ranges;

    // The common shapes (a file name, "*", "*.ext") are matched without the regex: every path of a scan is tested
    // against every --include glob and every section of every .editorconfig that applies.
    private readonly FastShape? _fast;

    private EditorConfigGlob(string pattern, Regex? regex, IReadOnlyList<(int, int)> ranges, FastShape? fast)
    {
        Pattern = pattern;
        _regex = regex;
        _ranges = ranges;
        _fast = fast;
    }

    public string Pattern { get; }

    /// <summary>Compiles a section name; returns false with a reason for an unbalanced bracket or brace.</summary>
    public static bool TryCreate(string sectionName, out EditorConfigGlob? glob, out string error)
    {
        glob = null;
        error = string.Empty;
        var pattern = sectionName;
        var anchored = pattern.IndexOf('/') >= 0;
        if (pattern.StartsWith("/", StringComparison.Ordinal))
        {
            pattern = pattern.Substring(1);
        }

        if (FastMatcher(pattern, anchored) is { } fast)
        {
            glob = new EditorConfigGlob(sectionName, null, Array.Empty<(int, int)>(), fast);
            return true;
        }

        var sb = new StringBuilder("^");
        if (!anchored)
        {
            sb.Append("(?:.*/)?");
        }

        var ranges = new List<(int, int)>();
        var parser = new Parser(pattern, sb, ranges);
        if (!parser.Parse(out error))
        {
            return false;
        }

        sb.Append('$');
        glob = new EditorConfigGlob(sectionName, new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout), ranges, null);
        return true;
    }

    /// <summary>Matches a path relative to the configuration file's folder, with forward slashes.</summary>
    public bool IsMatch(string relativePath)
    {
        if (_fast != null)
        {
            return _fast.IsMatch(relativePath);
        }

        Match match;
        try
        {
            match = _regex!.Match(relativePath);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!match.Success)
        {
            return false;
        }

        for (var i = 0; i < _ranges.Count; i++)
        {
            var group = match.Groups["r" + i.ToString(CultureInfo.InvariantCulture)];
            if (!group.Success
                || !int.TryParse(group.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                || n < _ranges[i].Min
                || n > _ranges[i].Max)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Pattern;

    /// <summary>
    /// The same answer as the compiled regex for a literal name or path, <c>*</c>, and <c>*.suffix</c> (no other
    /// special character); null for anything else.
    /// </summary>
    private static FastShape? FastMatcher(string pattern, bool anchored)
    {
        if (pattern.Length == 0)
        {
            return null;
        }

        if (pattern.IndexOfAny(Special) < 0)
        {
            return new FastShape(pattern, anchored, tail: null);
        }

        if (anchored || pattern[0] != '*' || pattern.IndexOfAny(Special, 1) >= 0)
        {
            return null;
        }

        // "*" is any file name, so unanchored it is any path; "*.cs" is any path whose last segment ends with ".cs".
        return new FastShape(literal: null, anchored: false, tail: pattern.Substring(1));
    }

    /// <summary>A literal name or path (anchored or at any depth), or a file name ending with a fixed tail.</summary>
    private sealed class FastShape
    {
        private readonly string? _literal;
        private readonly string? _suffix;
        private readonly bool _anchored;
        private readonly string? _tail;

        public FastShape(string? literal, bool anchored, string? tail)
        {
            _literal = literal;
            _suffix = literal == null ? null : "/" + literal;
            _anchored = anchored;
            _tail = tail;
        }

        public bool IsMatch(string path) =>
            _literal != null
                ? string.Equals(path, _literal, StringComparison.Ordinal) || (!_anchored && path.EndsWith(_suffix!, StringComparison.Ordinal))
                : path.EndsWith(_tail!, StringComparison.Ordinal);
    }

    private sealed class Parser
    {
        private readonly string _p;
        private readonly StringBuilder _sb;
        private readonly List<(int, int)> _ranges;
        private int _i;
        private int _braceDepth;

        public Parser(string pattern, StringBuilder sb, List<(int, int)> ranges)
        {
            _p = pattern;
            _sb = sb;
            _ranges = ranges;
        }

        public bool Parse(out string error)
        {
            error = string.Empty;
            while (_i < _p.Length)
            {
                var c = _p[_i];
                switch (c)
                {
                    case '*':
                        if (_i + 1 < _p.Length && _p[_i + 1] == '*')
                        {
                            _i += 2;

                            // "a/**/b" also matches "a/b": the directory part of "**/" is optional.
                            if (_i < _p.Length && _p[_i] == '/' && (_i - 3 < 0 || _p[_i - 3] == '/'))
                            {
                                _i++;
                                _sb.Append("(?:.*/)?");
                            }
                            else
                            {
                                _sb.Append(".*");
                            }
                        }
                        else
                        {
                            _i++;
                            _sb.Append("[^/]*");
                        }

                        break;
                    case '?':
                        _i++;
                        _sb.Append("[^/]");
                        break;
                    case '[':
                        if (!ParseClass(out error))
                        {
                            return false;
                        }

                        break;
                    case '{':
                        if (!ParseBrace(out error))
                        {
                            return false;
                        }

                        break;
                    case ',' when _braceDepth > 0:
                        _i++;
                        _sb.Append('|');
                        break;
                    case '}' when _braceDepth > 0:
                        _i++;
                        _braceDepth--;
                        _sb.Append(')');
                        break;
                    case '\\':
                        _i++;
                        if (_i < _p.Length)
                        {
                            _sb.Append(Regex.Escape(_p[_i].ToString()));
                            _i++;
                        }
                        else
                        {
                            _sb.Append("\\\\");
                        }

                        break;
                    default:
                        _i++;
                        _sb.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            if (_braceDepth > 0)
            {
                error = "unbalanced '{' in section name";
                return false;
            }

            return true;
        }

        private bool ParseClass(out string error)
        {
            error = string.Empty;
            var close = _p.IndexOf(']', _i + 1);
            if (close < 0)
            {
                // editorconfig treats an unclosed '[' as a literal character.
                _sb.Append("\\[");
                _i++;
                return true;
            }

            var body = _p.Substring(_i + 1, close - _i - 1);
            _i = close + 1;
            var negate = body.StartsWith("!", StringComparison.Ordinal) || body.StartsWith("^", StringComparison.Ordinal);
            if (negate)
            {
                body = body.Substring(1);
            }

            if (body.Length == 0)
            {
                error = "empty character class '[]' in section name";
                return false;
            }

            _sb.Append(negate ? "[^/" : "[");
            foreach (var ch in body)
            {
                _sb.Append(ch == '-' ? "-" : ch == '\\' || ch == ']' || ch == '[' || ch == '^' ? "\\" + ch : ch.ToString());
            }

            _sb.Append(']');
            return true;
        }

        private bool ParseBrace(out string error)
        {
            error = string.Empty;
            var close = FindClosingBrace(_i);
            if (close < 0)
            {
                error = "unbalanced '{' in section name";
                return false;
            }

            var body = _p.Substring(_i + 1, close - _i - 1);
            var dots = body.IndexOf("..", StringComparison.Ordinal);
            if (dots > 0
                && int.TryParse(body.Substring(0, dots), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
                && int.TryParse(body.Substring(dots + 2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
            {
                _sb.Append("(?<r").Append(_ranges.Count.ToString(CultureInfo.InvariantCulture)).Append(">[+-]?[0-9]+)");
                _ranges.Add((Math.Min(a, b), Math.Max(a, b)));
                _i = close + 1;
                return true;
            }

            if (body.IndexOf(',') < 0)
            {
                // "{single}" has no alternatives: editorconfig reads it literally.
                _sb.Append(Regex.Escape("{" + body + "}"));
                _i = close + 1;
                return true;
            }

            _i++;
            _braceDepth++;
            _sb.Append("(?:");
            return true;
        }

        private int FindClosingBrace(int open)
        {
            var depth = 0;
            for (var j = open; j < _p.Length; j++)
            {
                if (_p[j] == '\\')
                {
                    j++;
                    continue;
                }

                if (_p[j] == '{')
                {
                    depth++;
                }
                else if (_p[j] == '}' && --depth == 0)
                {
                    return j;
                }
            }

            return -1;
        }
    }
}
