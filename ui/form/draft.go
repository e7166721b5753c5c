package form

import (
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
)

// Draft is the draft form as typed: what a new draft, an edit and a fork
// ask for. Signatories are the checked parties, in the order posted.
type Draft struct {
	Label, Date, Status, Coverage, Stage, Description string
	Standing                                          string
	Sources                                           []SourceRow
	Signatories                                       []string
	Version                                           int
}

// ParseDraft reads a posted draft form. Source rows without a source are
// dropped: the form offers a few empty rows to fill in.
func ParseDraft(v url.Values) Draft {
	f := Draft{Label: strings.TrimSpace(v.Get("label")), Date: strings.TrimSpace(v.Get("date")),
		Status: v.Get("status"), Coverage: v.Get("coverage"), Stage: v.Get("stage"), Standing: v.Get("standing"),
		Description: strings.TrimSpace(v.Get("description"))}
	f.Version, _ = strconv.Atoi(v.Get("version"))
	for _, s := range v["signatories"] {
		if s = strings.TrimSpace(s); s != "" {
			f.Signatories = append(f.Signatories, s)
		}
	}
	f.Sources = parseSourceRows(v)
	return f
}

// FromDraft fills the form from a stored draft.
func FromDraft(d models.Draft) Draft {
	f := Draft{Label: d.Label, Date: d.Date, Status: d.Status, Coverage: d.Coverage, Stage: d.Stage, Standing: d.Standing,
		Description: d.Description, Signatories: append([]string(nil), d.Signatories...), Version: d.Version}
	f.Sources = sourceRowsOf(d.Sources)
	return f
}

// Citations are the form's source rows as the domain's citations.
func (f Draft) Citations() []models.Citation {
	return citations(f.Sources)
}

// Input is the new draft the form describes.
func (f Draft) Input() models.DraftInput {
	return models.DraftInput{Label: f.Label, Date: f.Date, Status: f.Status, Coverage: f.Coverage, Stage: f.Stage, Standing: f.Standing,
		Description: f.Description, Sources: f.Citations(), Signatories: f.Signatories}
}

// Patch is the change the form makes to a stored draft: every field.
func (f Draft) Patch() models.DraftPatch {
	sources, signatories := f.Citations(), append([]string{}, f.Signatories...)
	return models.DraftPatch{Label: &f.Label, Date: &f.Date, Status: &f.Status, Coverage: &f.Coverage,
		Stage: &f.Stage, Standing: &f.Standing, Description: &f.Description, Sources: &sources, Signatories: &signatories}
}

// Fork is what forking asks for: the new draft's label, date, status and
// description, chosen by the analyst rather than carried over silently.
func (f Draft) Fork() models.ForkInput {
	return models.ForkInput{Label: f.Label, Date: f.Date, Status: f.Status, Standing: f.Standing, Description: &f.Description}
}
