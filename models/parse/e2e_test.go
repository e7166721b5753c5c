package parse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/models/parse/parsetest"
)

// The end-to-end tests parse whole drafts written for the tests (in
// parsetest/testdata/, each with a .want.json of what every point should give) and
// check every point: split as numbered, its kind, the terms the text
// states, and the base provision it matches. bench_test.go reports
// the same figures as the targets.

type parseWant struct {
	Text string `json:"text"`
	Base *struct {
		Plan  string `json:"plan"`
		Draft string `json:"draft"`
	} `json:"base"`
	Points []pointWant `json:"points"`
}

type pointWant struct {
	Point string                     `json:"point"`
	Kinds []string                   `json:"kinds"`
	Keys  []string                   `json:"keys"`
	Terms map[string]json.RawMessage `json:"terms"`
}

func loadParseWants(t testing.TB) []parseWant {
	t.Helper()
	files, err := fs.Glob(parsetest.Files, "*.want.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no parsetest/testdata/*.want.json: %v", err)
	}
	var out []parseWant
	for _, f := range files {
		var w parseWant
		if err := json.Unmarshal([]byte(readTestdata(t, f)), &w); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, w)
	}
	return out
}

// options are what a want file parses against: the seed parties, and its
// base draft from the seed data.
func (w parseWant) options(t testing.TB) Options {
	opts := Options{Parties: seedParties(t)}
	if w.Base != nil {
		opts.Base = seedDraft(t, w.Base.Plan, w.Base.Draft)
	}
	return opts
}

// parseScore counts what a parse got right against its want file.
type parseScore struct {
	points, split         int // points expected; split as numbered, in order
	kinds, kindsRight     int // points where a specific kind applies
	numbers, numbersRight int // numbers the text states
	terms, termsRight     int // every other expected term
	matches, matchesRight int // points with a base to match (or to be new against)
	failures              []string
}

func (s *parseScore) fail(format string, args ...any) {
	s.failures = append(s.failures, fmt.Sprintf(format, args...))
}

func scoreParse(w parseWant, res Result, base []models.Provision) parseScore {
	var s parseScore
	got := map[string]Point{}
	var order []string
	for _, p := range res.Points {
		got[p.Point] = p
		order = append(order, p.Point)
	}
	var wantOrder []string
	for _, pw := range w.Points {
		wantOrder = append(wantOrder, pw.Point)
	}
	if !slices.Equal(order, wantOrder) {
		s.fail("points split as %v, want %v", order, wantOrder)
	}
	baseKeys := map[string]bool{}
	for _, b := range base {
		baseKeys[b.Key] = true
	}
	for _, pw := range w.Points {
		s.points++
		p, ok := got[pw.Point]
		if !ok {
			s.fail("point %s: not found", pw.Point)
			continue
		}
		s.split++
		if pw.Kinds[0] != "other" {
			s.kinds++
			if slices.Contains(pw.Kinds, p.Kind) {
				s.kindsRight++
			} else {
				s.fail("point %s: kind %s, want %v (%s)", pw.Point, p.Kind, pw.Kinds, strings.Join(p.Notes, "; "))
			}
		}
		values := models.TermValues(p.Terms)
		for name, want := range pw.Terms {
			alternatives := acceptable(want)
			number := len(want) > 0 && (want[0] == '-' || want[0] >= '0' && want[0] <= '9')
			right := slices.ContainsFunc(alternatives, func(a []byte) bool { return bytes.Equal(values[name], a) })
			switch {
			case number:
				s.numbers++
				if right {
					s.numbersRight++
				}
			default:
				s.terms++
				if right {
					s.termsRight++
				}
			}
			if !right {
				s.fail("point %s: %s is %s, want %s", pw.Point, name, values[name], want)
			}
		}
		if len(base) == 0 {
			continue
		}
		s.matches++
		var expected []string
		for _, k := range pw.Keys {
			if baseKeys[k] {
				expected = append(expected, k)
			}
		}
		switch {
		case len(expected) == 0 && p.BaseProvision == nil:
			s.matchesRight++
		case len(expected) == 0:
			s.fail("point %s: matched %s, want a new provision", pw.Point, p.BaseProvision.Key)
		case p.BaseProvision != nil && slices.Contains(expected, p.BaseProvision.Key) && p.Key == p.BaseProvision.Key:
			s.matchesRight++
		default:
			s.fail("point %s: key %s (base %v), want one of %v", pw.Point, p.Key, p.BaseProvision, expected)
		}
	}
	return s
}

// acceptable reads a wanted term: a value, or {"any": [values…]} where
// the right value depends on the parties table (the seed data may name
// Europe as a party).
func acceptable(want json.RawMessage) [][]byte {
	var any struct {
		Any []json.RawMessage `json:"any"`
	}
	list := []json.RawMessage{want}
	if json.Unmarshal(want, &any) == nil && len(any.Any) > 0 {
		list = any.Any
	}
	var out [][]byte
	for _, v := range list {
		var compact bytes.Buffer
		if json.Compact(&compact, v) == nil {
			out = append(out, compact.Bytes())
		}
	}
	return out
}

func (s parseScore) String() string {
	return fmt.Sprintf("split %d/%d, kinds %d/%d, numbers %d/%d, other terms %d/%d, base matches %d/%d",
		s.split, s.points, s.kindsRight, s.kinds, s.numbersRight, s.numbers, s.termsRight, s.terms, s.matchesRight, s.matches)
}

// TestParseDraftsEndToEnd parses every test draft and checks every point.
func TestParseDraftsEndToEnd(t *testing.T) {
	for _, w := range loadParseWants(t) {
		t.Run(w.Text, func(t *testing.T) {
			opts := w.options(t)
			res := Text(readTestdata(t, w.Text), opts)
			s := scoreParse(w, res, opts.Base)
			t.Log(s)
			for _, f := range s.failures {
				t.Error(f)
			}
		})
	}
}

// TestParseIsDeterministic: the same text gives the same answer, byte for
// byte.
func TestParseIsDeterministic(t *testing.T) {
	w := loadParseWants(t)[0]
	opts := w.options(t)
	text := readTestdata(t, w.Text)
	first, _ := json.Marshal(Text(text, opts))
	for range 5 {
		again, _ := json.Marshal(Text(text, opts))
		if !bytes.Equal(first, again) {
			t.Fatal("two parses of one text differ")
		}
	}
}
