package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
)

// RestoreProvision puts a provision back as it was after an earlier change
// of its history (the change's "after"): every field and party link, as a
// new version, itself recorded as a change with the action "restore". The
// provision must still exist; a deleted one comes back by undoing its
// deletion (UndoDelete).
func (s *Store) RestoreProvision(ctx context.Context, actor string, id int64, ifVersion int, changeID int64) (models.Provision, error) {
	var rec changeRecord
	err := s.reader(ctx).Where("id = ? AND entity = ? AND entity_id = ?", changeID, models.EntityProvision, id).First(&rec).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return models.Provision{}, fmt.Errorf("%w: provision %d has no change %d", ErrNotFound, id, changeID)
	}
	if err != nil {
		return models.Provision{}, err
	}
	var then models.Provision
	if err := json.Unmarshal([]byte(rec.After), &then); err != nil || rec.After == "null" {
		return models.Provision{}, models.Invalid("change_id", "change %d left no version to restore (it was a deletion)", changeID)
	}
	return s.modifyProvisionAs(ctx, actor, models.ActionRestore, id, ifVersion, func(p *models.Provision) error {
		p.Key, p.Point, p.Category, p.Kind, p.Title, p.Text = then.Key, then.Point, then.Category, then.Kind, then.Title, then.Text
		p.OriginalLanguage, p.Translations = then.OriginalLanguage, then.Translations
		p.Terms, p.Status, p.Sourcing, p.Sources, p.Parties = then.Terms, then.Status, then.Sourcing, then.Sources, then.Parties
		return nil
	})
}

// ProvisionVersionChange finds the change of a provision's history that
// left it at version: what restoring "version 1" restores.
func (s *Store) ProvisionVersionChange(ctx context.Context, id int64, version int) (int64, error) {
	var recs []changeRecord
	if err := s.reader(ctx).Select("id", "after").Where("entity = ? AND entity_id = ?", models.EntityProvision, id).
		Order("id DESC").Find(&recs).Error; err != nil {
		return 0, err
	}
	for _, rec := range recs {
		var then struct{ Version int }
		if json.Unmarshal([]byte(rec.After), &then) == nil && then.Version == version {
			return rec.ID, nil
		}
	}
	return 0, fmt.Errorf("%w: provision %d has no version %d in its history", ErrNotFound, id, version)
}
