package parse

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"plantracker/models"
)

// Splitting a draft's text into its numbered points, and a point into its
// lettered sub-points. A point starts a line:
//
//	6. …   6) …   6: …   **6.** …   - 6. …        a numbered list
//	Point 6: …   Points 15–20: …   Point 6 — …     a wire story
//	Under point 7, …   In point 9, …               a wire story's paragraph
//	п. 6 …   п.6. …   Пункт 6. …                   a translation
//
// Lines after a point's first belong to it, until the next point, a
// heading, or a paragraph after a blank line that is neither indented nor
// a sub-point: wire stories put commentary between the points, and that is
// not the draft's text. Sub-points are "(a)", "a)" and Cyrillic "а)",
// lettered in order from a, at the start of a line or after a colon or
// semicolon, or "(a)" anywhere.

// rawPoint is one numbered point as the text gives it.
type rawPoint struct {
	number string // "6", "15–20", "21c"
	text   string // without its marker
	inline bool   // the marker was part of a sentence ("Under point 7, …"), kept in text
}

var (
	pointNumber     = `(\d{1,3}[a-zа-яєії]?(?:\s*[–—-]\s*\d{1,3}[a-zа-яєії]?)?)`
	pointListRE     = regexp.MustCompile(`^` + pointNumber + `\s*[.):]\**(?:\s+|$)`)
	pointWordRE     = regexp.MustCompile(`(?i)^(?:points?|item)\s+` + pointNumber + `\**\s*(?:[.:)—–-]\**\s*|\s+)`)
	pointCyrillicRE = regexp.MustCompile(`^(?:[пП]\.\s*|[пП]ункт\s+|[пП]ункти\s+)` + pointNumber + `\**\s*(?:[.:)—–-]\**\s*|\s+)`)
	pointInlineRE   = regexp.MustCompile(`(?i)^(?:under|in|according to|per)\s+(?:the\s+)?(?:draft's\s+|plan's\s+)?points?\s+` + pointNumber + `\b`)
	bulletRE        = regexp.MustCompile(`^(?:[-*+•]\s+)?(?:\*\*|__)?`)
	// deletedPointRE: a point that only says it is gone ("Point 3 is
	// deleted.") is an edit to another draft, not a provision.
	deletedPointRE = regexp.MustCompile(`(?i)^(?:is\s+|was\s+|has\s+been\s+)?(?:deleted|removed|dropped|struck(?:\s+out)?|omitted|видалено|вилучено|исключен|удален)\W*$`)
)

// splitPoints returns the numbered points of text, in order, and notes
// about what it left out; a *TooManyPointsError as soon as it finds more
// than MaxPoints. Its work is linear in the text: a point's lines are
// gathered in a builder, not appended to a string line by line.
func splitPoints(text string) ([]rawPoint, []string, error) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var points []rawPoint
	var cur *rawPoint
	var body strings.Builder
	var notes []string
	blank, skipped, starts := false, 0, 0
	flush := func() {
		if cur == nil {
			return
		}
		cur.text = strings.TrimSpace(body.String())
		body.Reset()
		if deletedPointRE.MatchString(cur.text) {
			notes = append(notes, "point "+cur.number+" is deleted in this text: not a provision")
		} else {
			points = append(points, *cur)
		}
		cur = nil
	}
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			blank = true
			continue
		}
		heading := strings.HasPrefix(trimmed, "#")
		if p, ok := pointOf(strings.TrimLeft(trimmed, "# ")); ok {
			flush()
			if starts++; starts > MaxPoints {
				return nil, nil, &TooManyPointsError{Max: MaxPoints}
			}
			cur = &p
			body.WriteString(p.text)
			blank = false
			continue
		}
		if heading {
			flush()
			blank = false
			continue
		}
		indented := line != strings.TrimLeft(line, " \t")
		switch {
		case cur == nil:
			skipped++
		case blank && !indented && !startsSubPoint(trimmed):
			flush()
			skipped++
		default:
			body.WriteString("\n")
			body.WriteString(trimmed)
		}
		blank = false
	}
	flush()
	if skipped > 0 && len(points) > 0 {
		notes = append(notes, strconv.Itoa(skipped)+" line(s) outside the numbered points were not read as provisions")
	}
	return points, append(notes, numberingNotes(points)...), nil
}

// pointOf reads a line that starts a point.
func pointOf(line string) (rawPoint, bool) {
	rest := line[len(bulletRE.FindString(line)):]
	for _, re := range []*regexp.Regexp{pointWordRE, pointCyrillicRE, pointListRE} {
		if m := re.FindStringSubmatchIndex(rest); m != nil {
			number, ok := normalizePointNumber(rest[m[2]:m[3]])
			if !ok {
				return rawPoint{}, false
			}
			body := strings.TrimSpace(strings.Trim(rest[m[1]:], "*_ "))
			return rawPoint{number: number, text: body}, true
		}
	}
	if m := pointInlineRE.FindStringSubmatch(rest); m != nil {
		if number, ok := normalizePointNumber(m[1]); ok {
			return rawPoint{number: number, text: rest, inline: true}, true
		}
	}
	return rawPoint{}, false
}

// normalizePointNumber writes a point as the domain does: "15–20" with an
// en dash, sub-point letters in Latin ("21а" → "21a"). Numbers above 150
// are not points ("2025." starts no point).
func normalizePointNumber(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), "")
	s = strings.NewReplacer("-", "–", "—", "–").Replace(s)
	var b strings.Builder
	for _, part := range strings.Split(s, "–") {
		if b.Len() > 0 {
			b.WriteString("–")
		}
		digits := strings.TrimRightFunc(part, func(r rune) bool { return r < '0' || r > '9' })
		n, err := strconv.Atoi(digits)
		if err != nil || n < 1 || n > 150 {
			return "", false
		}
		b.WriteString(digits)
		if letter := part[len(digits):]; letter != "" {
			r, _ := utf8.DecodeRuneInString(letter)
			b.WriteRune(latinLetter(r))
		}
	}
	return b.String(), true
}

// cyrillicLetters is the order Ukrainian and Russian letter their
// sub-points in (а, б, в, г, д, е …); ґ, ь and the like are not used.
const cyrillicLetters = "абвгдеєжзиіїйклмнопрстуфхцчшщюя"

// latinLetter maps a sub-point letter to the Latin letter in its place:
// "в" → 'c'.
func latinLetter(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return r
	}
	for i, c := range []rune(cyrillicLetters) {
		if c == r && i < 26 {
			return rune('a' + i)
		}
	}
	return 'z'
}

// numberingNotes says where the numbering repeats or skips.
func numberingNotes(points []rawPoint) []string {
	var notes []string
	seen := map[string]bool{}
	last := 0
	for _, p := range points {
		if seen[p.number] {
			notes = append(notes, "point "+p.number+" appears more than once")
		}
		seen[p.number] = true
		first, _ := models.SplitPoint(p.number)
		if last > 0 && first > last+1 && !strings.Contains(p.number, "–") {
			notes = append(notes, "the numbering skips from "+strconv.Itoa(last)+" to "+strconv.Itoa(first))
		}
		if hi := lastNumber(p.number); hi > last {
			last = hi
		}
	}
	return notes
}

// lastNumber is the last number of a point ("15–20" → 20).
func lastNumber(point string) int {
	parts := strings.Split(point, "–")
	n, _ := models.SplitPoint(parts[len(parts)-1])
	if n == 0 {
		n, _ = models.SplitPoint(parts[0])
	}
	return n
}

// subPoint is one lettered part of a point.
type subPoint struct {
	letter rune // Latin
	text   string
}

var (
	subLineRE   = regexp.MustCompile(`^\(?([a-zа-яєії])\)\s+`)
	subInlineRE = regexp.MustCompile(`(?:^|[\s:;,])\(([a-zа-яєії])\)\s+|[:;]\s+([a-zа-яєії])\)\s+`)
)

func startsSubPoint(line string) bool { return subLineRE.MatchString(line) }

// splitSubPoints cuts a point's text into its lead-in and its lettered
// sub-points, when they run a, b, c … in order. Anything else is no
// sub-point: "(a)" alone in a sentence is kept as it is.
func splitSubPoints(text string) (string, []subPoint) {
	type marker struct {
		letter     rune
		start, end int // the marker's bytes
	}
	var found []marker
	for _, m := range subInlineRE.FindAllStringSubmatchIndex(text, -1) {
		g := 2
		if m[2] < 0 {
			g = 4
		}
		r, _ := utf8.DecodeRuneInString(text[m[g]:m[g+1]])
		// The marker proper starts at its letter or bracket, not at the
		// space or colon before it.
		start := m[g] - 1
		if text[start] != '(' {
			start = m[g]
		}
		found = append(found, marker{latinLetter(r), start, m[1]})
	}
	// Line-start markers "a) " that the inline pattern needs a colon for.
	inlineAt := make(map[int]bool, len(found))
	for _, f := range found {
		inlineAt[f.start] = true
	}
	offset := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if m := subLineRE.FindStringSubmatchIndex(trimmed); m != nil {
			lead := offset + len(line) - len(trimmed)
			r, _ := utf8.DecodeRuneInString(trimmed[m[2]:m[3]])
			if !inlineAt[lead] && !inlineAt[lead+1] {
				found = append(found, marker{latinLetter(r), lead, lead + m[1]})
			}
		}
		offset += len(line)
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].start < found[j].start })
	// Keep the run a, b, c … in order.
	var run []marker
	want := 'a'
	for _, m := range found {
		if m.letter == want {
			run = append(run, m)
			want++
		}
	}
	if len(run) < 2 {
		return text, nil
	}
	lead := strings.TrimSpace(text[:run[0].start])
	var subs []subPoint
	for i, m := range run {
		end := len(text)
		if i+1 < len(run) {
			end = run[i+1].start
		}
		body := strings.TrimSpace(text[m.end:end])
		body = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(body, ";"), " and"))
		body = strings.TrimSuffix(body, ";")
		subs = append(subs, subPoint{letter: m.letter, text: body})
	}
	return lead, subs
}
