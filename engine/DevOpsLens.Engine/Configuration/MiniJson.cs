using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DevOpsLens.Engine.Configuration;

/// <summary>
/// A small strict JSON reader and string escaper for the baseline file: the engine has no package dependencies
/// and netstandard2.0 has no JSON in the box. Objects become dictionaries, arrays lists, numbers doubles.
/// </summary>
internal static class MiniJson
{
    private const int MaxDepth = 64;

    public static object? Parse(string text)
    {
        var reader = new Reader(text);
        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw reader.Error("unexpected text after the JSON value");
        }

        return value;
    }

    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    internal sealed class Reader
    {
        private readonly string _s;
        private int _i;

        public Reader(string s) => _s = s;

        public bool AtEnd => _i >= _s.Length;

        public FormatException Error(string message)
        {
            var line = 1;
            for (var k = 0; k < _i && k < _s.Length; k++)
            {
                if (_s[k] == '\n')
                {
                    line++;
                }
            }

            return new FormatException(message + " at line " + line.ToString(CultureInfo.InvariantCulture));
        }

        public void SkipWhitespace()
        {
            while (_i < _s.Length && (_s[_i] == ' ' || _s[_i] == '\t' || _s[_i] == '\r' || _s[_i] == '\n' || _s[_i] == '\uFEFF'))
            {
                _i++;
            }
        }

        public object? ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nesting is too deep");
            }

            if (AtEnd)
            {
                throw Error("unexpected end of file");
            }

            switch (_s[_i])
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return ReadString();
                case 't':
                    return Literal("true", true);
                case 'f':
                    return Literal("false", false);
                case 'n':
                    return Literal("null", null);
                default:
                    return ReadNumber();
            }
        }

        private object? Literal(string word, object? value)
        {
            if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0)
            {
                throw Error("unexpected character '" + _s[_i] + "'");
            }

            _i += word.Length;
            return value;
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            _i++;
            SkipWhitespace();
            if (!AtEnd && _s[_i] == '}')
            {
                _i++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd || _s[_i] != '"')
                {
                    throw Error("expected a property name");
                }

                var key = ReadString();
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                result[key] = ReadValue(depth + 1);
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("unexpected end of file in an object");
                }

                if (_s[_i] == ',')
                {
                    _i++;
                    continue;
                }

                Expect('}');
                return result;
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var result = new List<object?>();
            _i++;
            SkipWhitespace();
            if (!AtEnd && _s[_i] == ']')
            {
                _i++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                result.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("unexpected end of file in an array");
                }

                if (_s[_i] == ',')
                {
                    _i++;
                    continue;
                }

                Expect(']');
                return result;
            }
        }

        private string ReadString()
        {
            _i++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated string");
                }

                var c = _s[_i++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        throw Error("unterminated string");
                    }

                    var e = _s[_i++];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (_i + 4 > _s.Length || !int.TryParse(_s.Substring(_i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            {
                                throw Error("invalid \\u escape");
                            }

                            sb.Append((char)code);
                            _i += 4;
                            break;
                        default:
                            throw Error("invalid escape '\\" + e + "'");
                    }
                }
                else if (c < ' ')
                {
                    throw Error("control character in a string");
                }
                else
                {
                    sb.Append(c);
                }
            }
        }

        private double ReadNumber()
        {
            var start = _i;
            while (!AtEnd && "+-0123456789.eE".IndexOf(_s[_i]) >= 0)
            {
                _i++;
            }

            if (start == _i || !double.TryParse(_s.Substring(start, _i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                _i = start;
                throw Error("unexpected character '" + (AtEnd ? ' ' : _s[_i]) + "'");
            }

            return n;
        }

        private void Expect(char c)
        {
            if (AtEnd || _s[_i] != c)
            {
                throw Error("expected '" + c + "'");
            }

            _i++;
        }
    }
}
