package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"plantracker/models"
)

// ErrLastAdmin: the change would leave no admin, and with none nobody could
// manage users again but from the command line.
var ErrLastAdmin = errors.New("the last admin")

// keepAnAdmin refuses to demote or remove u when u is the only admin. On
// PostgreSQL the admins' rows are locked first, so that two admins demoting
// each other at once cannot both see the other still there.
func keepAnAdmin(tx *gorm.DB, u userRecord) error {
	if u.Role != models.RoleAdmin {
		return nil
	}
	q := tx.Model(&userRecord{}).Where("role = ?", models.RoleAdmin)
	if tx.Dialector.Name() == "postgres" {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var ids []int64
	if err := q.Pluck("id", &ids).Error; err != nil {
		return err
	}
	if len(ids) <= 1 {
		return fmt.Errorf("%w: %s is the only admin; make another user admin first", ErrLastAdmin, u.Username)
	}
	return nil
}
