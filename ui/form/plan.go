package form

import (
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
)

// Plan is the plan form as typed.
type Plan struct {
	Title, Origin, Description string
	Version                    int
}

// ParsePlan reads a posted plan form.
func ParsePlan(v url.Values) Plan {
	f := Plan{Title: strings.TrimSpace(v.Get("title")), Origin: v.Get("origin"),
		Description: strings.TrimSpace(v.Get("description"))}
	f.Version, _ = strconv.Atoi(v.Get("version"))
	return f
}

// FromPlan fills the form from a stored plan.
func FromPlan(p models.Plan) Plan {
	return Plan{Title: p.Title, Origin: p.Origin, Description: p.Description, Version: p.Version}
}

// Model is the new plan the form describes.
func (f Plan) Model() models.Plan {
	return models.PlanInput{Title: f.Title, Origin: f.Origin, Description: f.Description}.Plan()
}

// Patch is the change the form makes to a stored plan.
func (f Plan) Patch() models.PlanPatch {
	return models.PlanPatch{Title: &f.Title, Origin: &f.Origin, Description: &f.Description}
}
