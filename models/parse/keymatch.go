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
// keys' words. The keys are read once and indexed by the bucket of their
// first word, so a long text against a large base stays cheap.
func matchByKey(props []*proposal, base []models.Provision) {
	if len(base) == 0 {
		return
	}
	taken := map[string]bool{}
	unmatched := 0
	for _, p := range props {
		if p.base != nil {
			taken[p.base.Key] = true
		} else {
			unmatched++
		}
	}
	if unmatched == 0 {
		return
	}
	keyWords := map[string][]string{} // key → its words' stems
	index := map[string][]int{}       // bucket of a key's first word → base provisions
	for i := range base {
		k := base[i].Key
		if _, done := keyWords[k]; done || taken[k] {
			continue
		}
		var words []string
		for _, t := range parseTokens(strings.ReplaceAll(k, "-", " ")) {
			if t.kind == ptWord {
				words = append(words, t.stem)
			}
		}
		keyWords[k] = words
		if len(words) >= 2 {
			index[stemBucket(words[0])] = append(index[stemBucket(words[0])], i)
		}
	}
	for _, p := range props {
		if p.base != nil {
			continue
		}
		stems := map[string]bool{}
		buckets := map[string]bool{}
		for _, t := range p.doc.toks {
			if t.kind == ptWord {
				stems[t.stem] = true
				buckets[stemBucket(t.stem)] = true
			}
		}
		var found *models.Provision
		foundAt, ambiguous := 0, false
		for bucket := range buckets {
			for _, i := range index[bucket] {
				b := &base[i]
				if taken[b.Key] || !allWordsIn(keyWords[b.Key], stems) {
					continue
				}
				if found != nil && found.Key != b.Key {
					ambiguous = true // two keys alike: the analyst chooses
				}
				if found == nil || i < foundAt && found.Key == b.Key {
					found, foundAt = b, i
				}
			}
		}
		if found == nil || ambiguous {
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

// stemBucket is what a word and its longer or shorter forms share: its
// first six letters, or the whole of a shorter word.
func stemBucket(stem string) string {
	if len(stem) > 6 {
		return stem[:6]
	}
	return stem
}

// allWordsIn reports whether every word is among stems, up to a suffix.
func allWordsIn(words []string, stems map[string]bool) bool {
	for _, w := range words {
		if !stems[w] && !stemLike(w, stems) {
			return false
		}
	}
	return true
}

// stemLike reports whether a point's stem is the key word's up to a suffix
// ("withdraw" and "withdrawal"): one begins the other, of six letters or
// more, within four letters of it.
func stemLike(w string, stems map[string]bool) bool {
	if len(w) < 6 {
		return false
	}
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
