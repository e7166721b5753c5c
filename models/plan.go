package models

// Plan is a family of drafts from one negotiating track, such as the US
// peace framework or the European counter-proposal.
type Plan struct {
	ID          int64  `json:"id"`
	Title       string `json:"title" validate:"required,max=200"`
	Origin      string `json:"origin,omitempty" validate:"omitempty,party"`
	Description string `json:"description" validate:"max=5000"`
	RowStamps
}

// Slug is the plan's title as a file-name-safe slug.
func (p Plan) Slug() string { return Slugify(p.Title) }

// PlanInput is what a client sends to create a plan.
type PlanInput struct {
	Title       string `json:"title"`
	Origin      string `json:"origin"`
	Description string `json:"description"`
}

// Plan builds the plan the input describes.
func (in PlanInput) Plan() Plan {
	return Plan{Title: in.Title, Origin: in.Origin, Description: in.Description}
}

// PlanPatch changes some fields of a plan; nil fields stay as they are.
type PlanPatch struct {
	Title       *string `json:"title"`
	Origin      *string `json:"origin"`
	Description *string `json:"description"`
}

// Apply writes the patch onto p.
func (pp PlanPatch) Apply(p *Plan) {
	applyPatch(pp, p)
}

// Validate checks every field of the plan.
func (p *Plan) Validate() error {
	return validateStruct(p, "").Err()
}
