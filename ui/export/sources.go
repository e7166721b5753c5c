package export

import "strings"

// sources numbers what a document cites, for Markdown footnotes and PDF
// references: the document's Sources list in order, 1, 2, …
//
// models lists every citation a Summary or Comparison shows in its Sources,
// trimmed, once each; a citation missing from that list (a hand-built
// value) is appended rather than dropped, so that whatever the document
// cites is listed.
type sources struct {
	list  []string
	index map[string]int // citation → its number
}

func newSources(list []string) *sources {
	s := &sources{list: make([]string, 0, len(list)), index: make(map[string]int, len(list))}
	for _, c := range list {
		s.number(c)
	}
	return s
}

// number returns the number of citation c, 0 when it is blank.
func (s *sources) number(c string) int {
	c = strings.TrimSpace(c)
	if c == "" {
		return 0
	}
	if n, ok := s.index[c]; ok {
		return n
	}
	s.list = append(s.list, c)
	s.index[c] = len(s.list)
	return len(s.list)
}

// numbers returns the numbers of cs, blanks left out.
func (s *sources) numbers(cs []string) []int {
	out := make([]int, 0, len(cs))
	for _, c := range cs {
		if n := s.number(c); n > 0 {
			out = append(out, n)
		}
	}
	return out
}
