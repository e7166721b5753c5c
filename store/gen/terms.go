package gen

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"plantracker/models"
)

// Terms are made from the kind registry, not from a list of kinds: every
// field of the kind's declaration gets a value of its type within its
// bounds (required ones always, optional ones about half the time), so a
// kind added to models/kinds.go is generated without touching this file.
// What the field descriptions cannot say (a term that must be a provision
// key, a list that needs two parties) is found by validating the result
// with the kind itself and mending the fields it names.

// terms returns valid canonical terms of kind k.
func (g *generator) terms(k *models.Kind, ukrainian bool) (json.RawMessage, error) {
	values := map[string]any{}
	for _, f := range k.Fields {
		if f.Required || g.rng.IntN(2) == 0 {
			values[f.Name] = g.termValue(f, ukrainian)
		}
	}
	for attempt := 0; ; attempt++ {
		raw, err := json.Marshal(values)
		if err != nil {
			return nil, err
		}
		_, canonical, err := k.DecodeTerms(raw)
		if err == nil {
			return canonical, nil
		}
		var verr *models.ValidationError
		if !errors.As(err, &verr) || attempt == 5 {
			return nil, fmt.Errorf("gen: terms of kind %s: %w", k.Name, err)
		}
		for _, fe := range verr.Errors {
			name, _, _ := strings.Cut(strings.TrimPrefix(fe.Field, "terms."), "[")
			f, ok := k.Field(name)
			switch {
			case !ok:
				delete(values, name)
			case attempt < 2:
				values[name] = g.mend(f, ukrainian)
			case !f.Required:
				delete(values, name)
			}
		}
	}
}

// termValue is a value of a field's type within its bounds.
func (g *generator) termValue(f models.Field, ukrainian bool) any {
	switch f.Type {
	case models.FieldInteger:
		return int(math.Round(g.magnitude(f)))
	case models.FieldNumber:
		return math.Round(g.magnitude(f)*10) / 10
	case models.FieldBoolean:
		return g.rng.IntN(2) == 0
	case models.FieldEnum:
		return f.Options[g.rng.IntN(len(f.Options))].Value
	case models.FieldParty:
		return g.party()
	case models.FieldParties:
		return g.someParties(1, 4)
	default:
		return g.text.phrase(ukrainian)
	}
}

// mend is a second try at a value the kind refused: a provision key for a
// text that must be one, two or more parties for a list that needs them.
func (g *generator) mend(f models.Field, ukrainian bool) any {
	switch f.Type {
	case models.FieldText:
		return keyBase(g.kinds[g.rng.IntN(len(g.kinds))])
	case models.FieldParties:
		return g.someParties(2, 4)
	default:
		return g.termValue(f, ukrainian)
	}
}

// magnitude is a number between the field's bounds, spread evenly over
// orders of magnitude (as numbers in treaties are: durations of 1 to 100
// years are mostly short, troop caps round), with two significant digits.
func (g *generator) magnitude(f models.Field) float64 {
	lo, hi := 1.0, 1000.0
	if f.Min != nil && *f.Min > 0 {
		lo = *f.Min
	}
	if f.Max != nil {
		hi = *f.Max
	}
	if hi <= lo {
		return lo
	}
	v := math.Exp(math.Log(lo) + g.rng.Float64()*(math.Log(hi)-math.Log(lo)))
	scale := math.Pow(10, math.Floor(math.Log10(v))-1)
	return math.Max(lo, math.Min(hi, math.Round(v/scale)*scale))
}
