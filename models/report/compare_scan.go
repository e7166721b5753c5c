package report

import (
	"encoding/json"
	"strconv"

	"plantracker/models"
)

// A scanner for canonical terms (flat JSON objects of strings, numbers,
// booleans and lists of strings, as json.Marshal writes them) and readers of
// their values. They do not allocate beyond their result and report false
// on anything else, for the caller to fall back to encoding/json.

// parseStrings reads a JSON list of strings, the form a parties term takes.
func parseStrings(raw []byte) ([]string, bool) {
	if !stated(raw) {
		return nil, true
	}
	if fast, ok := scanStrings(raw); ok {
		return fast, true
	}
	var out []string
	if json.Unmarshal(raw, &out) != nil {
		return nil, false
	}
	return out, true
}

func scanStrings(raw []byte) ([]string, bool) {
	if len(raw) < 2 || raw[0] != '[' || raw[len(raw)-1] != ']' {
		return nil, false
	}
	body := raw[1 : len(raw)-1]
	if len(body) == 0 {
		return nil, true
	}
	n := 1
	for _, c := range body {
		if c == ',' {
			n++
		}
	}
	out := make([]string, 0, n)
	for len(body) > 0 {
		end := 1
		for end < len(body) && body[end] != '"' {
			end++
		}
		s, ok := unquote(body[:min(end+1, len(body))])
		if !ok {
			return nil, false
		}
		out = append(out, s)
		body = body[end+1:]
		if len(body) > 0 {
			if body[0] != ',' {
				return nil, false
			}
			body = body[1:]
		}
	}
	return out, true
}

// scanTerms splits a flat JSON object into vals by the kind's field names.
// It reports false when raw is not what json.Marshal writes.
func scanTerms(k *models.Kind, raw []byte, vals []json.RawMessage) bool {
	i := skipSpace(raw, 0)
	if i == len(raw) {
		return true
	}
	if string(raw[i:]) == "null" {
		return true
	}
	if raw[i] != '{' {
		return false
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return skipSpace(raw, i+1) == len(raw)
	}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return false
		}
		end := i + 1
		for end < len(raw) && raw[end] != '"' && raw[end] != '\\' {
			end++
		}
		if end >= len(raw) || raw[end] != '"' {
			return false
		}
		name := raw[i+1 : end]
		i = skipSpace(raw, end+1)
		if i >= len(raw) || raw[i] != ':' {
			return false
		}
		i = skipSpace(raw, i+1)
		vEnd, ok := skipValue(raw, i)
		if !ok {
			return false
		}
		for fi := range k.Fields {
			if k.Fields[fi].Name == string(name) {
				vals[fi] = raw[i:vEnd]
				break
			}
		}
		i = skipSpace(raw, vEnd)
		if i >= len(raw) {
			return false
		}
		switch raw[i] {
		case ',':
			i = skipSpace(raw, i+1)
		case '}':
			return skipSpace(raw, i+1) == len(raw)
		default:
			return false
		}
	}
}

func skipSpace(raw []byte, i int) int {
	for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the JSON value that starts at i.
func skipValue(raw []byte, i int) (int, bool) {
	if i >= len(raw) {
		return 0, false
	}
	switch raw[i] {
	case '"':
		return skipString(raw, i)
	case '[', '{':
		depth := 0
		for i < len(raw) {
			switch raw[i] {
			case '"':
				end, ok := skipString(raw, i)
				if !ok {
					return 0, false
				}
				i = end
				continue
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return i + 1, true
				}
			}
			i++
		}
		return 0, false
	default:
		start := i
		for i < len(raw) && raw[i] != ',' && raw[i] != '}' && raw[i] != ']' && raw[i] != ' ' && raw[i] != '\n' && raw[i] != '\t' && raw[i] != '\r' {
			i++
		}
		return i, i > start
	}
}

func skipString(raw []byte, i int) (int, bool) {
	for j := i + 1; j < len(raw); j++ {
		switch raw[j] {
		case '\\':
			j++
		case '"':
			return j + 1, true
		}
	}
	return 0, false
}

// joinStrings formats a JSON list of strings without escapes as
// "US, UK, FR"; ok is false for anything else.
func joinStrings(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '[' || raw[len(raw)-1] != ']' {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	out := make([]byte, 0, len(body)+len(body)/4)
	for len(body) > 0 {
		if len(body) < 2 || body[0] != '"' {
			return "", false
		}
		end := 1
		for end < len(body) && body[end] != '"' {
			if c := body[end]; c == '\\' || c < 0x20 {
				return "", false
			}
			end++
		}
		if end == len(body) {
			return "", false
		}
		if len(out) > 0 {
			out = append(out, ", "...)
		}
		out = append(out, body[1:end]...)
		body = body[end+1:]
		if len(body) > 0 {
			if body[0] != ',' || len(body) == 1 {
				return "", false
			}
			body = body[1:]
		}
	}
	return string(out), true
}

// parseNumber reads a JSON number.
func parseNumber(raw []byte) (float64, bool) {
	if len(raw) == 0 || !(raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9') {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(raw), 64)
	return v, err == nil
}

// unquote reads a JSON string without escapes; ok is false for anything
// else, which the caller leaves to encoding/json.
func unquote(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	for _, c := range body {
		if c == '\\' || c == '"' || c < 0x20 {
			return "", false
		}
	}
	return string(body), true
}
