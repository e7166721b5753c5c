package parse

import (
	"fmt"
	"strings"

	"plantracker/models"
)

// A point the wording did not match may still name a base provision's
// subject by the very words of its key: "Russian forces withdraw from …"
// is the base's russian-withdrawal, though the base's own wording
// (relinquishing territories) shares few words with it. A key of two words
// or more, every one of them in the point, matches a base provision no
// other point took; the review says so.

// matchByKey matches unmatched points to untaken base provisions by their
// keys' words.
func matchByKey(props []*proposal, base []models.Provision) {
	if len(base) == 0 {
		return
	}
	taken := map[string]bool{}
	for _, p := range props {
		if p.base != nil {
			taken[p.base.Key] = true
		}
	}
	for _, p := range props {
		if p.base != nil {
			continue
		}
		stems := map[string]bool{}
		for _, t := range p.doc.toks {
			if t.kind == ptWord {
				stems[t.stem] = true
			}
		}
		var found *models.Provision
		for i := range base {
			b := &base[i]
			if taken[b.Key] || !keyWordsIn(b.Key, stems) {
				continue
			}
			if found != nil && found.Key != b.Key {
				found = nil // two keys alike: the analyst chooses
				break
			}
			found = b
		}
		if found == nil {
			continue
		}
		taken[found.Key] = true
		p.base = &BaseMatch{ID: found.ID, Key: found.Key, Point: found.Point, Kind: found.Kind, Title: found.Title, Score: 0.5}
		notes := p.notes[:0:0]
		for _, n := range p.notes {
			if n != "no provision of the base draft on this subject: a new key" {
				notes = append(notes, n)
			}
		}
		p.notes = append(notes, fmt.Sprintf("matched to the base draft's %s (“%s”) by the words of its key", found.Key, found.Title))
	}
}

// keyWordsIn reports whether a key of two words or more has every word
// among stems.
func keyWordsIn(key string, stems map[string]bool) bool {
	toks := parseTokens(strings.ReplaceAll(key, "-", " "))
	words := 0
	for _, t := range toks {
		if t.kind != ptWord {
			continue
		}
		if !stems[t.stem] && !stemLike(t.stem, stems) {
			return false
		}
		words++
	}
	return words >= 2
}

// stemLike reports whether a point's stem is the key word's up to a suffix
// ("withdraw" and "withdrawal"): one begins the other, of six letters or
// more, within four letters of it.
func stemLike(w string, stems map[string]bool) bool {
	for s := range stems {
		short, long := s, w
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(short) >= 6 && len(long)-len(short) <= 4 && strings.HasPrefix(long, short) {
			return true
		}
	}
	return false
}
