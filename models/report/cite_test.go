package report

import "plantracker/models"

// cite makes citations of sources known only by their reference, so that a
// test can read them back as the text it gave ("Axios, 20 Nov 2025").
func cite(refs ...string) []models.Citation {
	out := make([]models.Citation, len(refs))
	for i, ref := range refs {
		out[i] = models.Citation{Source: models.Slugify(ref), Sourcing: "reported", Reference: ref}
	}
	return out
}
