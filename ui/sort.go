package ui

import (
	"cmp"
	"html/template"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"plantracker/models"
)

// Sorting a list of provisions, on the draft page and the search results:
// by point (the draft's order), category, kind or status; search results
// also by date (their drafts', newest first). A sort is a link that keeps
// the filters and starts from the first page.

// sortLink is one way of sorting a list, as a link.
type sortLink struct {
	Key, Label, URL string
	Current         bool
}

var sortLabels = map[string]string{"point": "Point", "category": "Category", "kind": "Kind", "status": "Status", "date": "Date"}

// sortLinks are the links that sort the list at path, each keeping the
// query q but its cursor.
func sortLinks(path string, q url.Values, current string, keys ...string) []sortLink {
	out := make([]sortLink, 0, len(keys))
	for _, k := range keys {
		v := url.Values{}
		for name, vs := range q {
			if name != "cursor" && name != "sort" {
				v[name] = vs
			}
		}
		v.Set("sort", k)
		out = append(out, sortLink{Key: k, Label: sortLabels[k], URL: path + "?" + v.Encode(), Current: k == current})
	}
	return out
}

// sortProvisions orders views by key, keeping the draft's order (point)
// among equals.
func sortProvisions(views []provisionView, key string) {
	slices.SortStableFunc(views, func(a, b provisionView) int {
		var c int
		switch key {
		case "category":
			c = cmp.Compare(models.Categories.Index(a.Category), models.Categories.Index(b.Category))
		case "kind":
			c = strings.Compare(a.KindLabel, b.KindLabel)
		case "status":
			c = cmp.Compare(models.ProvisionStatuses.Index(a.Status), models.ProvisionStatuses.Index(b.Status))
		}
		if c != 0 {
			return c
		}
		return cmp.Compare(a.SortKey(), b.SortKey())
	})
}

// highlight shows text with the words searched for marked: each word of q
// where a word of the text starts with it (the search matches prefixes),
// in any case. Everything is escaped; only the <mark> is markup.
func highlight(text, q string) template.HTML {
	re := searchedWords(q)
	if re == nil {
		return template.HTML(template.HTMLEscapeString(text))
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[4], m[5]
		b.WriteString(template.HTMLEscapeString(text[last:start]))
		b.WriteString("<mark>" + template.HTMLEscapeString(text[start:end]) + "</mark>")
		last = end
	}
	b.WriteString(template.HTMLEscapeString(text[last:]))
	return template.HTML(b.String())
}

// matchesWords reports whether highlight would mark a word of text: which
// of a provision's words in several languages the search found.
func matchesWords(text, q string) bool {
	re := searchedWords(q)
	return re != nil && re.MatchString(text)
}

// searchedWords matches the words of q where a word of a text starts with
// them, in any case; the word itself is the second group. Nil without words.
func searchedWords(q string) *regexp.Regexp {
	var words []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, regexp.QuoteMeta(w))
	}
	if len(words) == 0 {
		return nil
	}
	// Longest first, so that "troop" and "troops" mark the whole word.
	slices.SortFunc(words, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	re, err := regexp.Compile(`(?i)(^|[^\p{L}\p{N}])(` + strings.Join(words, "|") + `)`)
	if err != nil {
		return nil
	}
	return re
}
