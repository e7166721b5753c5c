package export

import (
	"strings"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/models/worddiff"
)

// briefCell lays out one side of a row: title, kind and headline, terms,
// parties, wording, status. What changed is bold and in the side's colour
// (red for the earlier draft, green for the later); in the wording, the
// earlier side strikes deleted words through and the later underlines
// inserted ones.
func briefCell(l *layout, r *report.ComparisonRow, b *report.ProvisionBrief, side int, words []worddiff.Run, src *Front, w float64) {
	mark := colRemoved
	if side == 1 {
		mark = colAdded
	}
	changed := func(field string) bool {
		if r.Status != report.StatusChanged {
			return false
		}
		for i := range r.Changes {
			if r.Changes[i].Field == field {
				return true
			}
		}
		return false
	}
	style := func(st textStyle, field string) textStyle {
		if changed(field) {
			st.font, st.color = fontBold, mark
		}
		return st
	}

	l.add(b.Title, style(textStyle{font: fontBold, size: 8, color: colText}, "title"))
	l.para(w)
	l.add(src.w.kind(b.Kind), style(stMuted, "kind"))
	if b.Headline != "" && b.Headline != b.Title {
		l.add("  "+src.w.headline(b.Kind, b.Terms, b.Headline), stBold)
	}
	l.para(w)
	for _, term := range b.Terms {
		l.add(src.w.field(b.Kind, models.Field{Name: term.Name, Label: term.Label})+": ", stLabel)
		l.add(src.w.value(term.Value), style(stSmall, "terms."+term.Name))
		l.para(w)
	}
	for _, pp := range b.Parties {
		st := style(stSmall, "parties."+pp.Party+"."+pp.Role)
		bold := st
		bold.font = fontBold
		l.add(pp.Party+" ", bold)
		l.add(src.w.stanceWords(pp.Role, pp.Stance, pp.StanceDate), st)
		if refs := src.refText(pp.StanceSources); refs != "" {
			l.add(" "+refs, stMuted)
		}
		l.para(w)
	}
	if len(words) > 0 {
		l.gap(0.8)
		for _, run := range words {
			switch {
			case run.Op == worddiff.Equal:
				l.add(run.Text, stSmall)
			case run.Op == worddiff.Delete && side == 0:
				addMarked(l, run.Text, textStyle{font: fontRegular, size: 7.5, color: colRemoved, deco: decoStrike})
			case run.Op == worddiff.Insert && side == 1:
				addMarked(l, run.Text, textStyle{font: fontRegular, size: 7.5, color: colAdded, deco: decoUnder})
			}
		}
		l.para(w)
	} else if text := strings.TrimSpace(b.Text); text != "" {
		l.gap(0.8)
		l.add(text, stSmall)
		l.para(w)
	}
	l.gap(0.8)
	l.add(src.w.vocab("status", models.ProvisionStatuses, b.Status), style(stMuted, "status"))
	l.add(" · ", stMuted)
	l.add(src.w.vocab("sourcing", models.Sourcings, b.Sourcing), style(stMuted, "sourcing"))
	if refs := src.refText(b.Citations); refs != "" {
		l.add(" "+refs, style(stMuted, "citation"))
	}
	l.para(w)
}

// addMarked adds a deleted or inserted run, its outer whitespace plain:
// a strike or underline should cover the words, not the gap before them.
func addMarked(l *layout, text string, st textStyle) {
	core := strings.TrimLeft(text, " \n")
	lead := text[:len(text)-len(core)]
	core = strings.TrimRight(core, " \n")
	l.add(lead, stSmall)
	l.add(core, st)
	l.add(text[len(lead)+len(core):], stSmall)
}
