package models

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text that a client sends must be valid UTF-8 without control characters
// other than tab and line breaks (CR and LF: a browser's text area sends
// CRLF). PostgreSQL refuses a NUL byte and invalid UTF-8 outright, and
// SQLite keeps them, so an export from one could not be imported into the
// other; BEL, ESC and the like have no place in a treaty's wording and can
// do mischief in a terminal or a log. So every string of every entity is
// checked here, on both stores alike, before anything is written.

// TextProblem says what is wrong with s as stored text, or "" when nothing
// is.
func TextProblem(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf {
			continue
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return "must not contain control characters (here U+" + hex4(c) + "); only tabs and line breaks are allowed"
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "must be valid UTF-8 text"
			}
			i += size - 1
		}
	}
	return ""
}

func hex4(c byte) string {
	h := strings.ToUpper(strconv.FormatUint(uint64(c), 16))
	return strings.Repeat("0", 4-len(h)) + h
}

// TextErrors checks every string in v (a struct, or a pointer to one,
// walked through its fields, lists and maps) and names each bad one by its
// JSON path after prefix: "title", "parties[1].party", "terms.region".
// Raw JSON (the terms) is not walked here: it is checked when decoded.
func TextErrors(v any, prefix string) *ValidationError {
	out := &ValidationError{}
	checkText(reflect.ValueOf(v), prefix, out)
	if len(out.Errors) == 0 {
		return nil
	}
	return out
}

func checkText(v reflect.Value, path string, out *ValidationError) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkText(v.Elem(), path, out)
		}
	case reflect.String:
		if msg := TextProblem(v.String()); msg != "" {
			out.Add(pathOr(path, "body"), "%s", msg)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // raw bytes: JSON terms, checked when decoded
		}
		for i := 0; i < v.Len(); i++ {
			checkText(v.Index(i), path+"["+strconv.Itoa(i)+"]", out)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			key := iter.Key().String()
			if msg := TextProblem(key); msg != "" {
				out.Add(pathOr(path, "body"), "has a member name that %s", msg)
				continue
			}
			checkText(iter.Value(), joinPath(path, key), out)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case name == "-":
				continue
			case f.Anonymous && name == "":
				checkText(v.Field(i), path, out) // embedded: its fields are the outer's
				continue
			case name == "":
				name = f.Name
			}
			checkText(v.Field(i), joinPath(path, name), out)
		}
	}
}

func joinPath(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func pathOr(path, def string) string {
	if path == "" {
		return def
	}
	return path
}
