package parse

import (
	"fmt"
	"strings"

	"plantracker/models"
)

// The kind of a point matched to a base provision agrees with that
// provision's kind, unless the text clearly says otherwise: a revision of a
// frozen-assets clause that speaks of reconstruction is still about the
// assets. The point keeps its own kind only where the words of the base's
// kind are (nearly) absent, or far outweighed by its own kind's; the review
// then says why.

// kindAgreement is how far the kind read from the words must outweigh the
// base kind's score for the point to keep it: the text clearly says
// otherwise.
const kindAgreement = 2.5

// agreeWithBase gives each matched point its base provision's kind, or
// notes why it keeps its own.
func agreeWithBase(props []*proposal) {
	for _, p := range props {
		if p.base == nil || p.base.Kind == p.guess.kind.Name {
			continue
		}
		bk, ok := models.KindByName(p.base.Kind)
		if !ok {
			continue
		}
		var own, base float64
		for _, s := range scoreKinds(p.doc, "") {
			switch s.kind.Name {
			case p.guess.kind.Name:
				own = s.score
			case bk.Name:
				base = s.score
			}
		}
		if base < minKindScore/2 || own >= kindAgreement*base {
			p.notes = append(p.notes, fmt.Sprintf("kind: %s, not %s as the base draft's %s: the text says otherwise (its words weigh %.1f for %s, %.1f for %s)",
				p.guess.kind.Name, bk.Name, p.base.Key, own, p.guess.kind.Name, base, bk.Name))
			continue
		}
		was := p.guess.kind.Name
		notes := p.notes[:0:0]
		for _, n := range p.notes {
			if !strings.HasPrefix(n, "kind: ") {
				notes = append(notes, n)
			}
		}
		p.guess = kindGuess{kind: bk, category: bk.Category, confidence: p.guess.confidence}
		p.reads = readTerms(bk, p.doc)
		p.terms, p.tnote = encodeTerms(bk, p.reads)
		p.notes = append(notes, fmt.Sprintf("kind: %s, as the base draft's %s it matches (its words alone leaned to %s)", bk.Name, p.base.Key, was))
	}
}
