package report

import "plantracker/models"

// ProvisionStatus is a provision's status and sourcing level with their
// human labels, as a comparison's side, a summary and a timeline show them
// beside its terms. Embedded in those, its fields are their own, in JSON
// too.
type ProvisionStatus struct {
	Status        string `json:"status"`
	StatusLabel   string `json:"status_label"`
	Sourcing      string `json:"sourcing"`
	SourcingLabel string `json:"sourcing_label"`
}

func provisionStatusOf(p *models.Provision) ProvisionStatus {
	return ProvisionStatus{Status: p.Status, StatusLabel: models.ProvisionStatuses.Label(p.Status),
		Sourcing: p.Sourcing, SourcingLabel: models.Sourcings.Label(p.Sourcing)}
}
