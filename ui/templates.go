package ui

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"plantracker/models"
	"plantracker/models/numbers"
	"plantracker/models/report"
	"plantracker/ui/export"
	"plantracker/ui/i18n"
)

// pageSets maps a language to its pages. Each page is parsed together
// with the layout and the partials, so every page defines "content" (and
// may define "head") without clashing, once per language: the catalog's
// functions (t, tn, date, the vocabulary's labels) are bound to the
// language, so that a request only picks its set.
//
// A page is parsed when it is first shown, not at start: all of them, in
// both languages, are some 22 MB of parse trees (the layout and the
// partials over again in each), which a server that answers only the API
// would keep on its heap for nothing, and the garbage collector lets the
// heap grow to twice what it keeps. TestEveryPageParses parses each one,
// so a broken template still fails every test run, never a request.
var pageSets = parseLanguages()

func parseLanguages() map[string]pageSet {
	out := map[string]pageSet{}
	for _, l := range i18n.Languages {
		out[l.Code] = newPageSet(funcsFor(i18n.For(l.Code)))
	}
	return out
}

// templateFS holds the layout, the partials and the pages.
//
//go:embed templates
var templateFS embed.FS

// pageSet is one language's pages by name ("draft"), each parsed once, on
// first use.
type pageSet map[string]func() *template.Template

func newPageSet(funcs template.FuncMap) pageSet {
	names, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil || len(names) == 0 {
		panic(fmt.Sprintf("ui: no page templates embedded: %v", err))
	}
	out := make(pageSet, len(names))
	for _, name := range names {
		out[strings.TrimSuffix(path.Base(name), ".html")] = sync.OnceValue(func() *template.Template {
			t := template.New("layout.html").Funcs(funcs)
			return template.Must(t.ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html", name))
		})
	}
	return out
}

// page is the named page in lang (in English for a language the UI does
// not speak); ok is false when there is no such page.
func page(lang, name string) (t *template.Template, ok bool) {
	set, known := pageSets[lang]
	if !known {
		set = pageSets[i18n.English]
	}
	parse, ok := set[name]
	if !ok {
		return nil, false
	}
	return parse(), true
}

// funcs are the helpers templates call: formatting and labels, all of them
// reading from models so a label is written once.
var funcs = template.FuncMap{
	"asset":        assetURL,
	"date":         formatDate,
	"datetime":     formatTime,
	"isoTime":      func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"diffSymbol":   diffSymbol,
	"diffLabel":    diffLabel,
	"category":     models.Categories.Label,
	"draftStatus":  models.DraftStatuses.Label,
	"coverage":     models.Coverages.Label,
	"stage":        models.Stages.Label,
	"status":       models.ProvisionStatuses.Label,
	"sourcing":     models.Sourcings.Label,
	"role":         models.Roles.Label,
	"stance":       models.Stances.Label,
	"partyType":    models.PartyTypes.Label,
	"kindLabel":    kindLabel,
	"changeLabels": changeLabels,
	"plural":       plural,
	"highlight":    highlight,
	"join":         strings.Join,
	"add":          func(a, b int) int { return a + b },
	"maxPDF":       func() string { return numbers.Format(export.MaxPDFProvisions, "") },
	// timelineURL is a key's timeline page; timelineKindURL, a kind's keys.
	"timelineURL":     timelineURL,
	"timelineKindURL": timelineKindURL,
	// partyURL is a party's page; verdict, relation and score label who
	// agrees (ui/agree.go).
	"partyURL": partyURL,
	"verdict":  verdictLabel,
	"relation": relationLabel,
	"score":    scoreLabel,
	// The record beyond the texts.
	"standing":     models.Standings.Label,
	"scenarioNote": func() string { return models.ScenarioNote },
	"draftStance":  models.DraftStances.Label,
	"eventKind":    models.EventKinds.Label,
	"textLanguage": models.TextLanguages.Label,
}

// funcsFor is funcs with the catalog's functions bound to one language:
//
//	{{t "home.title"}}                  a message
//	{{t "home.forked" "Name" .Name}}    one with placeholders, as pairs
//	{{tn "draft.provisions" .Count}}    a plural (one/few/many/other)
//	{{label "kind" .Kind}}              a vocabulary's value in the language
//	{{text .Label}}                     English from the Go code, in the language
//	{{fieldLabel .Kind .Field}}         a kind's term
//	{{number 600000 ""}}                "600,000", "600 000"
//
// and date, datetime, the vocabularies' own functions (category, status,
// kindLabel…) in the page's language.
func funcsFor(l *i18n.Localizer) template.FuncMap {
	out := template.FuncMap{}
	for k, v := range funcs {
		out[k] = v
	}
	vocab := func(prefix string, v models.Vocabulary) func(string) string {
		return func(value string) string { return l.Or(prefix+"."+value, v.Label(value)) }
	}
	out["t"] = l.T
	out["tn"] = l.N
	out["text"] = l.Text                 // English the Go code wrote (form labels, options), in the language
	out["fieldMessage"] = l.FieldMessage // a field error of the domain, in the language
	out["lang"] = func() string { return l.Lang }
	out["languages"] = func() any { return i18n.Languages }
	out["number"] = l.Number
	out["date"] = l.DateString
	out["datetime"] = l.DateTime
	out["category"] = vocab("category", models.Categories)
	out["draftStatus"] = vocab("draft_status", models.DraftStatuses)
	out["coverage"] = vocab("coverage", models.Coverages)
	out["stage"] = vocab("stage", models.Stages)
	out["status"] = vocab("status", models.ProvisionStatuses)
	out["sourcing"] = vocab("sourcing", models.Sourcings)
	out["role"] = vocab("role", models.Roles)
	out["stance"] = vocab("stance", models.Stances)
	out["partyType"] = vocab("party_type", models.PartyTypes)
	out["kindLabel"] = func(name string) string { return l.Or("kind."+name, kindLabel(name)) }
	out["termLabel"] = func(f models.Field) string { return termLabel(l, f) }
	out["termValue"] = func(f models.Field, v string) string { return termValue(l, f, v) }
	// verdictLine is a verdict's line and asked a position's constraint,
	// in the language (ui/verdict_line.go).
	out["verdictLine"] = func(v models.Verdict) string { return verdictLine(l, v) }
	out["asked"] = func(p models.Position) string { return askedIn(l, p.Kind, p.Term, p.Op, p.Value, p.Words) }
	out["fieldNamed"] = func(name, label string) models.Field { return models.Field{Name: name, Label: label} }
	out["diffLabel"] = func(s report.DiffStatus) string { return l.Or("diff."+string(s), s.Label()) }
	out["changeLabel"] = func(fc report.FieldChange) string { return changeLabel(l, fc) }
	out["changeLabels"] = func(changes []report.FieldChange) string {
		var labels []string
		for _, fc := range changes {
			if lb := changeLabel(l, fc); len(labels) == 0 || labels[len(labels)-1] != lb {
				labels = append(labels, lb)
			}
		}
		return strings.Join(labels, ", ")
	}
	out["termValueNamed"] = func(name, v string) string { return termValue(l, fieldByName(name), v) }
	out["changeValue"] = func(fc report.FieldChange, v string) string { return changeValue(l, fc, v) }
	out["standing"] = vocab("standing", models.Standings)
	out["draftStance"] = vocab("draft_stance", models.DraftStances)
	out["eventKind"] = vocab("event_kind", models.EventKinds)
	out["textLanguage"] = vocab("text_language", models.TextLanguages)
	out["eventIn"] = func(e models.Event) models.Event { return eventIn(e, l.Lang) }
	out["hitWordsIn"] = func(p models.Provision, q string) hitWords { return hitWordsFor(p, l.Lang, q) }
	out["scenarioNote"] = func() string { return l.Or("scenario.note", models.ScenarioNote) }
	out["recordEndText"] = func(r models.RecordEnd) string { return recordEndText(l, r) }
	out["staleNote"] = func(r models.RecordEnd) string {
		if !r.Stale || l.Lang == i18n.English {
			return r.StaleNote()
		}
		return l.N("record.stale", r.DaysSince)
	}
	out["float"] = func(n int) float64 { return float64(n) }
	out["fieldLabel"] = func(kind, field string) string { return fieldLabel(l, kind, field) }
	out["label"] = func(vocabulary, value string, fallback ...string) string {
		if len(fallback) > 0 {
			return l.Or(vocabulary+"."+value, fallback[0])
		}
		return l.Or(vocabulary+"."+value, value)
	}
	out["maxPDF"] = func() string { return l.Number(export.MaxPDFProvisions, "") }
	out["plural"] = func(n int, one, many string) string {
		if l.Lang == i18n.English {
			return plural(n, one, many)
		}
		return l.Number(float64(n), "") + " " + many
	}
	return out
}

// fieldLabel is a kind's term in the language: field.<kind>.<term>,
// else its English label, else its name.
func fieldLabel(l *i18n.Localizer, kind, field string) string {
	fallback := field
	if k, ok := models.KindByName(kind); ok {
		for _, f := range k.Fields {
			if f.Name == field {
				fallback = f.Label
			}
		}
	}
	return l.Or("field."+kind+"."+field, fallback)
}

// termLabel is a term's label in the language. A term line carries its
// field, not its kind; fields of one name and label read the same in every
// kind, so the first kind declaring it gives the key.
func termLabel(l *i18n.Localizer, f models.Field) string {
	if l.Lang == i18n.English {
		return f.Label
	}
	for _, k := range models.Kinds() {
		for _, kf := range k.Fields {
			if kf.Name == f.Name && kf.Label == f.Label {
				return l.Or("field."+k.Name+"."+f.Name, f.Label)
			}
		}
	}
	return f.Label
}

// recordEndText is where the record ends (models.RecordEnd.String) in
// the language.
func recordEndText(l *i18n.Localizer, r models.RecordEnd) string {
	if l.Lang == i18n.English || r.To == "" {
		return r.String()
	}
	if r.DenseTo == "" {
		return l.T("record.to", "Date", l.DateString(r.To))
	}
	days := make([]string, len(r.Later))
	for i, d := range r.Later {
		days[i] = l.DateString(d)
	}
	list := days[len(days)-1]
	if len(days) > 1 {
		list = strings.Join(days[:len(days)-1], ", ") + " " + l.T("record.and") + " " + list
	}
	return l.T("record.to", "Date", l.DateString(r.DenseTo)) + "; " + l.N("record.later", len(days)) + ", " + list
}

// changeLabel names a change in the language: a term's change by the
// term's label, a party's by its short name, the rest by change.<field>.
func changeLabel(l *i18n.Localizer, fc report.FieldChange) string {
	if l.Lang == i18n.English {
		return fc.Label
	}
	if name, ok := strings.CutPrefix(fc.Field, "terms."); ok {
		return termLabel(l, models.Field{Name: name, Label: fc.Label})
	}
	if strings.HasPrefix(fc.Field, "parties.") {
		return fc.Label
	}
	return l.Or("change."+fc.Field, fc.Label)
}

// changeValue is one side of a change (a formatted value, or "—") in the
// language: a term's as termValue reads it, a status's, sourcing's,
// category's or kind's by its label's key.
func changeValue(l *i18n.Localizer, fc report.FieldChange, v string) string {
	if l.Lang == i18n.English || v == report.NotStated {
		return v
	}
	if name, ok := strings.CutPrefix(fc.Field, "terms."); ok {
		return termValue(l, fieldByName(name), v)
	}
	byLabel := func(prefix string, vocab models.Vocabulary) string {
		for _, term := range vocab {
			if term.Label == v {
				return l.Or(prefix+"."+term.Value, v)
			}
		}
		return v
	}
	switch fc.Field {
	case "status":
		return byLabel("status", models.ProvisionStatuses)
	case "sourcing":
		return byLabel("sourcing", models.Sourcings)
	case "category":
		return byLabel("category", models.Categories)
	case "original_language":
		return byLabel("text_language", models.TextLanguages)
	case "kind":
		for _, k := range models.Kinds() {
			if k.Label == v {
				return l.Or("kind."+k.Name, v)
			}
		}
	}
	return v
}

// fieldByName is the first kind's term called name: its type and unit
// are what a formatted value needs to be read in another language.
func fieldByName(name string) models.Field {
	for _, k := range models.Kinds() {
		for _, f := range k.Fields {
			if f.Name == name {
				return f
			}
		}
	}
	return models.Field{Name: name, Type: models.FieldText}
}

// termValue is a formatted term (models.FormatValue) in the language:
// yes and no, numbers with their unit and enum options are the language's;
// free text stays as it is.
func termValue(l *i18n.Localizer, f models.Field, v string) string {
	if l.Lang == i18n.English {
		return v
	}
	switch f.Type {
	case models.FieldBoolean:
		return l.Or("value."+v, v)
	case models.FieldInteger, models.FieldNumber:
		return l.NumberText(v, f.Unit)
	case models.FieldEnum:
		// v is the option's English label (models.OptionLabel); its
		// message is found by the option's value, not by its English,
		// which other messages share ("open" the button, "partial" the
		// coverage).
		if option, ok := models.OptionValue(v); ok {
			return l.Or("option."+option, v)
		}
	}
	return v
}

// formatDate writes a draft's YYYY-MM-DD date as "20 Nov 2025"; anything
// else is shown as it is.
func formatDate(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return t.Format("2 Jan 2006")
}

// formatTime writes a moment in UTC, to the minute: the audit trail is
// read by people in several time zones, so it names its zone.
func formatTime(t time.Time) string {
	return t.UTC().Format("2 Jan 2006 15:04 UTC")
}

// diffSymbol is the symbol each comparison status carries beside its
// colour, so that the status reads without colour too; models says which.
func diffSymbol(s report.DiffStatus) string { return s.Symbol() }

func diffLabel(s report.DiffStatus) string { return s.Label() }

// changeLabels names changes by their labels, once each: "Citation, Point".
func changeLabels(changes []report.FieldChange) string {
	var labels []string
	for _, fc := range changes {
		if len(labels) == 0 || labels[len(labels)-1] != fc.Label {
			labels = append(labels, fc.Label)
		}
	}
	return strings.Join(labels, ", ")
}

func kindLabel(name string) string {
	if k, ok := models.KindByName(name); ok {
		return k.Label
	}
	return name
}

// plural writes "1 provision" or "3 provisions".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
