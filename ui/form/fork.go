package form

import (
	"net/url"
	"strings"

	"plantracker/models"
)

// ParseFork reads the fork button's form: an optional label and date for
// the new draft (the store defaults both).
func ParseFork(v url.Values) models.ForkInput {
	return models.ForkInput{Label: strings.TrimSpace(v.Get("label")), Date: strings.TrimSpace(v.Get("date"))}
}
