package export

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/ui/i18n"
)

// An export is written in its reader's language (Provenance.Lang): its
// headings and labels come from the UI's catalog (ui/i18n, the keys under
// "export."), the closed vocabularies from the catalog's own keys
// ("status.agreed", "role.obligor"), and dates, numbers and plurals are
// the language's ("20 листопада 2025", "600 000", "5 положень").
//
// English stays as exports always were, byte for byte: its words come
// from the same catalog, but its vocabulary is models' labels, its dates
// ISO (2025-11-20: unambiguous to a researcher's script), its counts
// without thousands separators. A missing key shows as its id, which
// TestUkrainianExportsHaveNoKeys catches.

// words writes an export's words in one language.
type words struct{ l *i18n.Localizer }

// wordsFor is the words of a localizer; nil is English.
func wordsFor(l *i18n.Localizer) words {
	if l == nil {
		l = i18n.For(i18n.English)
	}
	return words{l}
}

func (w words) english() bool { return w.l == nil || w.l.Lang == i18n.English }

// t is the catalog's export.<id>, its {{.Name}} placeholders filled from
// name/value pairs.
func (w words) t(id string, args ...any) string {
	return wordsFor(w.l).l.T("export."+id, args...)
}

// count is "3 provisions", "3 положення": n and the noun in its plural
// form (the catalog's export.count.<noun>).
func (w words) count(n int, noun string) string {
	if w.english() {
		return plural(n, noun)
	}
	return w.l.N("export.count."+noun, n)
}

// vocab is a closed vocabulary's value in the language: the catalog's
// <prefix>.<value>, else (and in English) the models' label.
func (w words) vocab(prefix string, v models.Vocabulary, value string) string {
	if w.english() {
		return v.Label(value)
	}
	return w.l.Or(prefix+"."+value, v.Label(value))
}

// kind is a provision kind's label in the language.
func (w words) kind(name string) string {
	label := kindLabelOf(name)
	if w.english() {
		return label
	}
	return w.l.Or("kind."+name, label)
}

// field is a kind's term's label in the language.
func (w words) field(kind string, f models.Field) string {
	if w.english() {
		return f.Label
	}
	return w.l.Or("field."+kind+"."+f.Name, f.Label)
}

// term is a term's label as a summary carries it (its field, not its
// kind): the first kind declaring a field of that name and label gives
// the key, as fields of one name and label read alike in every kind.
func (w words) term(f models.Field) string {
	if w.english() {
		return f.Label
	}
	for _, k := range models.Kinds() {
		for _, kf := range k.Fields {
			if kf.Name == f.Name && kf.Label == f.Label {
				return w.field(k.Name, kf)
			}
		}
	}
	return f.Label
}

// value is a formatted term value (models.FormatValue) in the language:
// numbers with their unit, yes and no, and enum options; free text stays
// as written.
func (w words) value(v string) string {
	if w.english() {
		return v
	}
	if yn := w.l.Or("value."+v, ""); yn != "" {
		return yn
	}
	if option, ok := models.OptionValue(v); ok {
		return w.l.Or("option."+option, v)
	}
	return w.l.NumberText(v, unitOf(v))
}

// unitOf is the unit a formatted number ends with ("600,000 people"), or
// "" when none of the kinds' units does.
func unitOf(v string) string {
	for _, k := range models.Kinds() {
		for _, f := range k.Fields {
			if f.Unit != "" && len(v) > len(f.Unit) && v[len(v)-len(f.Unit)-1:] == " "+f.Unit {
				return f.Unit
			}
		}
	}
	return ""
}

// date is a YYYY-MM-DD date: as it is in English, "20 листопада 2025" in
// Ukrainian.
func (w words) date(iso string) string {
	if w.english() || iso == "" {
		return iso
	}
	return w.l.DateString(iso)
}

// readable is a YYYY-MM-DD date as prose has it: "24 Nov 2025",
// "24 листопада 2025".
func (w words) readable(iso string) string {
	if w.english() {
		return models.ReadableDate(iso)
	}
	return w.l.DateString(iso)
}

// stamp is a moment to the minute in UTC: "2026-11-30 05:40 UTC",
// "30 листопада 2026 05:40 UTC"; unknown when zero.
func (w words) stamp(t time.Time) string {
	switch {
	case t.IsZero():
		return w.t("unknown")
	case w.english():
		return t.UTC().Format("2006-01-02 15:04 UTC")
	}
	return w.l.DateTime(t)
}

// number is an integer as the language writes it: "1000" in English (as
// exports always wrote it), "1 000" in Ukrainian.
func (w words) number(n int) string {
	if w.english() {
		return strconv.Itoa(n)
	}
	return w.l.Number(float64(n), "")
}

// scenarioNote says that a draft is a scenario, not part of the record.
func (w words) scenarioNote() string {
	if w.english() {
		return models.ScenarioNote
	}
	return w.l.Or("scenario.note", models.ScenarioNote)
}

// record is where the record ends and, when it is stale, the warning
// (models.RecordEnd's String and StaleNote) in the language, with the
// catalog's words the pages use.
func (w words) record(r models.RecordEnd) (end, stale string) {
	if w.english() || r.To == "" {
		return r.String(), r.StaleNote()
	}
	if r.Stale {
		stale = w.l.N("record.stale", r.DaysSince)
	}
	if r.DenseTo == "" {
		return w.l.T("record.to", "Date", w.l.DateString(r.To)), stale
	}
	days := make([]string, len(r.Later))
	for i, d := range r.Later {
		days[i] = w.l.DateString(d)
	}
	list := days[len(days)-1]
	if len(days) > 1 {
		list = strings.Join(days[:len(days)-1], ", ") + " " + w.l.T("record.and") + " " + list
	}
	return w.l.T("record.to", "Date", w.l.DateString(r.DenseTo)) + "; " + w.l.N("record.later", len(days)) + ", " + list, stale
}

// cols are column headings: the catalog's export.col.<id> of each id.
func (w words) cols(ids ...string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = w.t("col." + id)
	}
	return out
}

// unit is a term's unit in the language ("people", "осіб"); money
// ("USD bn") and "%" are written alike in both.
func (w words) unit(u string) string {
	if w.english() || u == "%" || strings.HasPrefix(u, "USD ") {
		return u
	}
	return w.l.Or("unit."+u, u)
}

// column is a CSV column's name in the language: the catalog's
// export.col.<name>, or for a term column ("troop_cap__limit") its kind
// and term, as the workbook heads it.
func (w words) column(name string) string {
	for _, c := range models.TermColumns() {
		if c.Name == name {
			return columnHeader(w, c, true)
		}
	}
	return w.t("col." + name)
}

// headline is a provision's headline (report's, in English) in the
// language, made again from its headline terms as report makes it: their
// values joined by ", ", a boolean as its label or the label denied. A
// provision without headline terms keeps its headline, the title.
func (w words) headline(kind string, terms []report.FormattedTerm, english string) string {
	k, ok := models.KindByName(kind)
	if w.english() || !ok {
		return english
	}
	var parts []string
	for _, f := range k.Fields {
		if !f.Headline {
			continue
		}
		for _, t := range terms {
			if t.Name == f.Name {
				parts = append(parts, w.headlineValue(kind, f, t.Value))
			}
		}
	}
	if len(parts) == 0 {
		return english
	}
	return strings.Join(parts, ", ")
}

// headlineValue is models.Field.HeadlineValue in the language.
func (w words) headlineValue(kind string, f models.Field, v string) string {
	if f.Type != models.FieldBoolean || v != "yes" && v != "no" {
		return w.value(v)
	}
	label := w.field(kind, f)
	r, size := utf8.DecodeRuneInString(label)
	label = string(unicode.ToLower(r)) + label[size:]
	if v == "no" {
		return w.t("not_label", "Label", label)
	}
	return label
}
