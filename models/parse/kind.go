package parse

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"plantracker/models"
)

// Choosing a point's kind: each kind scores the cues it declares that the
// point's words match. A cue counts once, by how many words it names
// (multi-word cues are more specific), shared cues count less in each kind
// that declares them, and a term's own cues add a little. Quantities add
// to the kinds with a term of their unit: "600,000 personnel" speaks for a
// troop cap. Below minKindScore nothing speaks for any kind: the point is
// "other", for the analyst to type.

const (
	minKindScore = 1.0
	// termCueWeight is how much a term's cue word counts towards its kind,
	// against 1 for a word of the kind's own cues; termCueCap bounds them.
	termCueWeight = 0.25
	termCueCap    = 1.0
	// labelWeight is what the kind's own label in the text adds.
	labelWeight = 1.0
	// leadBias is how much a sub-point leans to the kind of its point's
	// lead-in ("The US guarantee: (a) … (b) …").
	leadBias = 1.0
)

// unitEvidence: a quantity of this unit speaks for kinds with such a term.
var unitEvidence = map[string]float64{"people": 1, "USD bn": 1, "years": 0.5, "days": 0.5, "km": 0.5, "%": 0.25}

// kindScore is one kind's score for a piece of text, and what it rests on.
type kindScore struct {
	kind  *models.Kind
	score float64
	cues  []string // the words that matched, as written
}

// cueShare counts how many kinds declare each kind cue.
var cueShare = sync.OnceValue(func() map[string]int {
	out := map[string]int{}
	for _, k := range models.Kinds() {
		seen := map[string]bool{}
		for _, c := range cuesOf(k).kind {
			if key := c.key; !seen[key] {
				seen[key] = true
				out[key]++
			}
		}
	}
	return out
})

// parseCommonWords are the stems of every cue word written in lower case:
// at the start of a sentence such a word is not a name ("Sovereignty is
// reaffirmed").
var parseCommonWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	add := func(cs []cue) {
		for _, c := range cs {
			for _, e := range c.elems {
				if e.kind == ceWord && e.common {
					out[e.word] = true
				}
			}
		}
	}
	for _, k := range models.Kinds() {
		add(cuesOf(k).kind)
		for _, fc := range cuesOf(k).fields {
			add(fc.cues)
			for _, o := range fc.options {
				add(o.cues)
			}
		}
	}
	return out
})

// scoreKinds scores every kind for d, best first; bias names a kind to
// lean to (a sub-point's lead-in), or "".
func scoreKinds(d *pdoc, bias string) []kindScore {
	share := cueShare()
	units := map[string]bool{}
	for _, q := range d.quantities {
		units[q.Unit] = true
	}
	var out []kindScore
	for _, k := range models.Kinds() {
		ks := kindScore{kind: k}
		// A cue counts where it covers words no earlier cue of the kind
		// did: "security guarantees" then "guarantees" is one mention.
		covered := map[int]bool{}
		kc := cuesOf(k)
		for i := range kc.kind {
			c := &kc.kind[i]
			for _, h := range d.find(c) {
				if !coversNew(covered, h) {
					continue
				}
				ks.score += float64(c.words) / float64(max(1, share[c.key]))
				ks.cues = appendUnique(ks.cues, d.evidence(h))
				break
			}
		}
		// The kind's label in the text ("ceasefire", "troop cap") says
		// most.
		if lc := labelCue(k); lc != nil && len(d.find(lc)) > 0 {
			ks.score += labelWeight
		}
		termScore := 0.0
		seenUnit := map[string]bool{}
		for _, f := range k.Fields {
			fc := kc.fields[f.Name]
			if fc == nil || fc.derived {
				continue
			}
			for i := range fc.cues {
				if hasWords(fc.cues[i]) && len(d.find(&fc.cues[i])) > 0 {
					termScore += termCueWeight * float64(fc.cues[i].words)
				}
			}
			for _, o := range fc.options {
				if o.derived {
					continue
				}
				for i := range o.cues {
					if len(d.find(&o.cues[i])) > 0 {
						termScore += termCueWeight * float64(o.cues[i].words)
					}
				}
			}
			if w := unitEvidence[f.Unit]; w > 0 && units[f.Unit] && !seenUnit[f.Unit] {
				seenUnit[f.Unit] = true
				ks.score += w
			}
		}
		ks.score += math.Min(termScore, termCueCap)
		if k.Name == bias {
			ks.score += leadBias
		}
		if ks.score > 0 {
			out = append(out, ks)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].kind.Name < out[j].kind.Name
	})
	return out
}

func hasWords(c cue) bool { return c.words > 0 }

// coversNew marks the hit's words covered and reports whether any was not
// yet.
func coversNew(covered map[int]bool, h cueHit) bool {
	fresh := false
	for i := h.start; i < h.end; i++ {
		if !covered[i] {
			fresh = true
			covered[i] = true
		}
	}
	return fresh
}

// kindLabelCues are the kinds' labels as cues, where a label is short enough
// to be written in a draft ("Ceasefire", "Troop cap", "Frozen assets").
var kindLabelCues = sync.OnceValue(func() map[string]*cue {
	out := map[string]*cue{}
	for _, k := range models.Kinds() {
		if k.Name == "other" || len(strings.Fields(k.Label)) > 3 || strings.ContainsAny(k.Label, ",") {
			continue
		}
		cs := compileCueList(k.Name, strings.ToLower(k.Label))
		if len(cs) == 1 {
			out[k.Name] = &cs[0]
		}
	}
	return out
})

func labelCue(k *models.Kind) *cue { return kindLabelCues()[k.Name] }

// kindGuess is the kind chosen for a piece, how sure, and why.
type kindGuess struct {
	kind       *models.Kind
	category   string
	confidence float64
	notes      []string
}

// guessKind chooses the kind of d.
func guessKind(d *pdoc, bias string) kindGuess {
	scores := scoreKinds(d, bias)
	other, _ := models.KindByName("other")
	if len(scores) == 0 || scores[0].score < minKindScore {
		g := kindGuess{kind: other, category: other.Category, confidence: 0.3,
			notes: []string{"kind: no kind's words found; other, for you to choose"}}
		if len(scores) > 0 {
			g.category = scores[0].kind.Category
			g.notes = []string{fmt.Sprintf("kind: other; the nearest, %s, has too few of its words (%s)", scores[0].kind.Name, quoteList(scores[0].cues))}
		}
		return g
	}
	best := scores[0]
	g := kindGuess{kind: best.kind, category: best.kind.Category}
	second := 0.0
	if len(scores) > 1 {
		second = scores[1].score
	}
	margin := (best.score - second) / best.score
	g.confidence = clamp01((0.35+0.15*best.score)*(0.5+0.5*margin), 0.95)
	why := "its words " + quoteList(best.cues)
	if len(best.cues) == 0 {
		why = "its terms' words and numbers"
	}
	g.notes = append(g.notes, fmt.Sprintf("kind: %s, by %s", best.kind.Name, why))
	if len(scores) > 1 && margin < 0.35 {
		g.notes = append(g.notes, fmt.Sprintf("kind: could also be %s (%s)", scores[1].kind.Name, quoteList(scores[1].cues)))
	}
	return g
}

func quoteList(items []string) string {
	if len(items) > 4 {
		items = items[:4]
	}
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "“" + s + "”"
	}
	return strings.Join(q, ", ")
}

func clamp01(v, top float64) float64 {
	return math.Max(0, math.Min(top, v))
}
