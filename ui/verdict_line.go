package ui

import (
	"encoding/json"
	"strings"

	"plantracker/models"
	"plantracker/ui/i18n"
)

// verdictLine says how a provision stands against a party's stated
// position (models.Verdict.Line) in the reader's language, from the
// verdict's parts: the sentence from the catalog (verdict.line.<case>),
// the term's label from the vocabulary (field.<kind>.<term>) and the
// values as termValue writes them. In English it reads as Line does;
// a verdict without its parts (none is made so) is shown by its Line.
func verdictLine(l *i18n.Localizer, v models.Verdict) string {
	who := []any{"Party", v.Party, "Key", v.Key}
	term := strings.ToLower(fieldLabel(l, v.Kind, v.Term))
	asked := askedIn(l, v.Kind, v.Term, v.Op, v.Value, v.Words)
	switch v.Reason {
	case models.ReasonCompared:
		f, _ := kindField(v.Kind, v.Term)
		return l.T("verdict.line."+v.Verdict, append(who, "Term", term, "Offered", termValue(l, f, v.Offered), "Asked", asked)...)
	case models.ReasonNotStated:
		return l.T("verdict.line.not_stated", append(who, "Term", term, "Asked", asked)...)
	case models.ReasonUnchecked:
		return l.T("verdict.line.unchecked", append(who, "Words", v.Words)...)
	case models.ReasonNoTerm:
		return l.T("verdict.line.no_term", "Term", v.Term, "Kind", v.Kind)
	case models.ReasonOtherKey:
		return l.T("verdict.line.other_key", append(who, "Kind", l.Or("kind."+v.Kind, kindLabel(v.Kind)))...)
	case models.ReasonDraftSilent:
		if v.Partial {
			return l.T("verdict.line.draft_partial", who...)
		}
		return l.T("verdict.line.draft_absent", who...)
	}
	return v.Line
}

// askedIn is a position's constraint (models.Position.Asked) in the
// reader's language: "≥ 800 000", "одне з: …", or its words.
func askedIn(l *i18n.Localizer, kind, term, op string, value json.RawMessage, words string) string {
	if term == "" {
		return words
	}
	a, ok := models.AskOf(kind, term, op, value)
	if !ok {
		return op + " " + string(value)
	}
	values := make([]string, len(a.Values))
	for i, s := range a.Values {
		values[i] = termValue(l, a.Field, s)
	}
	return l.T("asked."+a.How, "Values", strings.Join(values, ", "))
}

// kindField is kind's term named term.
func kindField(kind, term string) (models.Field, bool) {
	k, ok := models.KindByName(kind)
	if !ok {
		return models.Field{}, false
	}
	return k.Field(term)
}
