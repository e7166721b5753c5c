package ui

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"time"

	"plantracker/models"
	"plantracker/models/numbers"
	"plantracker/models/report"
	"plantracker/ui/export"
)

// The templates are embedded and parsed once, when the package starts: a
// broken template stops the program at start (and fails every test), never
// a request. Each page is parsed together with the layout and the partials,
// so every page defines "content" (and may define "head") without clashing.

//go:embed templates
var templateFS embed.FS

// pages maps a page name ("draft") to its parsed template.
var pages = parsePages()

func parsePages() map[string]*template.Template {
	names, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil || len(names) == 0 {
		panic(fmt.Sprintf("ui: no page templates embedded: %v", err))
	}
	out := make(map[string]*template.Template, len(names))
	for _, name := range names {
		t := template.New("layout.html").Funcs(funcs)
		t = template.Must(t.ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html", name))
		out[strings.TrimSuffix(path.Base(name), ".html")] = t
	}
	return out
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
