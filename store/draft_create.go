package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
)

// maxDraftProvisions bounds the provisions created with one draft: far
// above any draft's points, far below what one transaction should hold.
const maxDraftProvisions = 500

// CreateDraftWithProvisions stores a new draft of a plan, numbered next,
// with its provisions, in one transaction: the draft and every provision
// are saved, each recorded as a change, or nothing is. Every problem is
// reported at once, a provision's named by its place in the list
// ("provisions[3].terms.limit"). A draft read from its text is created
// this way.
func (s *Store) CreateDraftWithProvisions(ctx context.Context, actor string, d models.Draft, ps []models.Provision) (models.Draft, error) {
	if err := validateDraftWithProvisions(&d, ps); err != nil {
		return models.Draft{}, err
	}
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		var err error
		if d, err = s.createDraft(tx, actor, d); err != nil {
			return err
		}
		for i, p := range ps {
			p.DraftID = d.ID
			if _, err := s.createProvision(tx, actor, p); err != nil {
				return inList(fmt.Sprintf("provisions[%d]", i), err)
			}
		}
		return nil
	})
	if err != nil {
		return models.Draft{}, err
	}
	return d, nil
}

// validateDraftWithProvisions checks the draft and every provision before
// anything is written, and that no two provisions share a key.
func validateDraftWithProvisions(d *models.Draft, ps []models.Provision) error {
	verr := &models.ValidationError{}
	if err := d.Validate(); err != nil {
		verr.Merge("", asValidationError(err))
	}
	if len(ps) > maxDraftProvisions {
		verr.Add("provisions", "at most %d provisions with one draft", maxDraftProvisions)
		return verr
	}
	keys := map[string]int{}
	for i := range ps {
		field := fmt.Sprintf("provisions[%d]", i)
		if err := ps[i].Validate(); err != nil {
			verr.Merge(field, asValidationError(err))
		}
		if first, ok := keys[ps[i].Key]; ok && ps[i].Key != "" {
			verr.Add(field+".key", "provisions[%d] has the key %s too; a key names one provision of a draft", first, ps[i].Key)
			continue
		}
		keys[ps[i].Key] = i
	}
	return verr.Err()
}

// inList names a provision's field errors by its place in the list.
func inList(prefix string, err error) error {
	var verr *models.ValidationError
	if !errors.As(err, &verr) {
		return err
	}
	out := &models.ValidationError{}
	out.Merge(prefix, verr)
	return out
}
