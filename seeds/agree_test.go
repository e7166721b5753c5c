package seeds

import (
	"context"
	"testing"
)

// recordCitations are the source keys that positions and implementation
// steps cite.
func recordCitations(t *testing.T) []string {
	t.Helper()
	positions, steps := must(ReadPositions()), must(ReadImplementation())
	var out []string
	for _, p := range positions {
		for _, c := range p.Sources {
			out = append(out, c.Source)
		}
	}
	for _, st := range steps {
		for _, c := range st.Sources {
			out = append(out, c.Source)
		}
	}
	d := readData(t)
	for _, st := range d.DraftStances {
		for _, c := range st.Sources {
			out = append(out, c.Source)
		}
	}
	for _, e := range d.Events {
		for _, c := range e.Sources {
			out = append(out, c.Source)
		}
	}
	return out
}

// The positions and implementation steps load with the plans, once: every
// row of data/positions.json and data/implementation.json is stored, and a
// second load adds nothing. The guarantee's term is held by the key
// guarantee-term (kind term), where the position on it names it.
func TestPositionsAndStepsLoad(t *testing.T) {
	ctx := context.Background()
	s := loadedStore(t)
	if _, err := Load(ctx, s); err != nil { // the second load, which must add nothing
		t.Fatal(err)
	}
	positions, steps := must(ReadPositions()), must(ReadImplementation())
	gotP, gotS := must(s.AllPositions(ctx)), must(s.AllImplementationSteps(ctx))
	if len(gotP) != len(positions) || len(gotS) != len(steps) {
		t.Fatalf("stored %d positions and %d steps, files hold %d and %d", len(gotP), len(gotS), len(positions), len(steps))
	}
	for _, st := range gotS {
		if st.Event == "" || st.DraftID != 0 {
			t.Errorf("step %+v: the seed steps carry out events, kept by key", st)
		}
	}
	// Every position's kind is the kind of the provisions on its key.
	d := readData(t)
	for _, p := range positions {
		for _, pf := range d.Plans {
			for _, ds := range pf.Drafts {
				for _, in := range ds.Provisions {
					if in.Key == p.Key && in.Kind != p.Kind {
						t.Errorf("position of %s on %s is of kind %s; %s's provision is %s", p.Party, p.Key, p.Kind, draftRef(pf, ds.Number), in.Kind)
					}
				}
			}
		}
	}
}
